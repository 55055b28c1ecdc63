package org.anju.notifications;

import org.anju.identity.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The inbox in the console: the list, marking read (a form POST with the CSRF token), and
 * the event stream that keeps the navigation's unread badge current on every page. The
 * stream lives here, on the session, because a browser's EventSource cannot send a bearer
 * token.
 */
@Controller
@PreAuthorize("hasAuthority('APPEALS_READ')")
class InboxConsole {

	static final String PAGE = "inbox/list";

	static final int PAGE_SIZE = 50;

	private final Inbox inbox;

	InboxConsole(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/inbox")
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		model.addAttribute("page", this.inbox.page(user, unread, cursor, PAGE_SIZE));
		model.addAttribute("unreadOnly", unread);
		model.addAttribute("showFirst", cursor != null && !cursor.isBlank());
		return PAGE;
	}

	/**
	 * Marks the notification read and opens its appeal or round, which is what the user
	 * clicked it for.
	 */
	@PostMapping("/inbox/{id}/read")
	String read(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		Notification read = this.inbox.markRead(user, id);
		return "redirect:" + read.link();
	}

	@PostMapping("/inbox/read-all")
	String readAll(@AuthenticationPrincipal CurrentUser user) {
		this.inbox.markAllRead(user);
		return "redirect:/inbox";
	}

	@GetMapping(path = "/inbox/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter stream(@AuthenticationPrincipal CurrentUser user) {
		return this.inbox.follow(user);
	}

}
