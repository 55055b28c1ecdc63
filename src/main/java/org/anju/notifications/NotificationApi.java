package org.anju.notifications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.identity.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The caller's own notifications. Staff only: residents hear of their appeals by text
 * message and in the portal.
 */
@RestController
@RequestMapping("/api/v1/notifications")
@PreAuthorize("hasAuthority('APPEALS_READ')")
@Tag(name = "notifications", description = "The caller's inbox of appeal steps that concern them")
class NotificationApi {

	private final Inbox inbox;

	NotificationApi(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	@Operation(summary = "The caller's notifications, newest first",
			description = "kind is ASSIGNED, TRANSFERRED, RETURNED, REOPENED, URGED, NEARLY_DUE or OVERDUE; "
					+ "readAt is null while unread; unread counts the caller's whole inbox. "
					+ "unread=true lists only the unread ones.")
	NotificationPage list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") int size) {
		return this.inbox.page(user, unread, cursor, size);
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark one notification read", description = "Marking it again changes nothing.")
	Notification read(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return this.inbox.markRead(user, id);
	}

	@PostMapping("/read-all")
	@Operation(summary = "Mark all of the caller's notifications read")
	Marked readAll(@AuthenticationPrincipal CurrentUser user) {
		return new Marked(this.inbox.markAllRead(user));
	}

	@GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Follow the inbox live (server-sent events)",
			description = "Opens with an event 'unread' {\"unread\":N,\"notification\":null}; each new notification "
					+ "comes as an event 'notification' {\"unread\":N,\"notification\":{...}}, and a change of the "
					+ "count by marking read as 'unread'. A comment line every 25 s keeps the stream open.")
	SseEmitter stream(@AuthenticationPrincipal CurrentUser user) {
		return this.inbox.follow(user);
	}

	record Marked(int marked) {
	}

}
