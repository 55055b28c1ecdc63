package org.anju.appeals;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.identity.CurrentUser;
import org.anju.shared.BadParameter;
import org.anju.shared.IfMatch;
import org.anju.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Appeals over HTTP: intake, work queues, one appeal with its timeline, and the actions
 * of the loop, each with {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/appeals")
@Tag(name = "appeals", description = "Appeals (诉求): intake, queues and the service loop")
class AppealApi {

	private final AppealManagement appeals;

	private final AppealQueues queues;

	AppealApi(AppealManagement appeals, AppealQueues queues) {
		this.appeals = appeals;
		this.queues = queues;
	}

	@PostMapping
	@Operation(summary = "Take an appeal in",
			description = "Send an Idempotency-Key: a retry with the same key and body gets the first answer.")
	ResponseEntity<AppealView> submit(@AuthenticationPrincipal CurrentUser user, @RequestBody IntakeBody body) {
		AppealView appeal = this.appeals.submit(user, body.intake());
		return ResponseEntity.created(URI.create("/api/v1/appeals/" + appeal.id()))
			.eTag(IfMatch.etag(appeal.version()))
			.body(appeal);
	}

	@GetMapping
	@Operation(summary = "A work queue: the appeals the caller reaches, the nearest deadline first")
	AppealPage list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable AppealState state,
			@RequestParam(required = false) @Nullable String categoryCode,
			@RequestParam(required = false) @Nullable String departmentCode,
			@RequestParam(required = false) @Nullable AppealFlag flag,
			@RequestParam(required = false) @Nullable Boolean overdue,
			@RequestParam(required = false) @Nullable Long areaId,
			@RequestParam(required = false) @Nullable Long gridId,
			@RequestParam(required = false) @Nullable String group, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(defaultValue = "false") boolean open, @RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "20") int size) {
		return this.queues.list(user,
				new AppealQuery(state, categoryCode, departmentCode, flag, overdue, areaId, gridId, group, mine, open),
				cursor, size);
	}

	@GetMapping("/{id}")
	ResponseEntity<AppealView> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		AppealView appeal = this.appeals.get(user, id);
		return ResponseEntity.ok().eTag(IfMatch.etag(appeal.version())).body(appeal);
	}

	@PostMapping("/{id}/{action}")
	@Operation(
			summary = "Take a step: assign, accept, return, transfer, request-extension, decide-extension, urge, "
					+ "note, resolve, callback, close or reopen",
			description = "Needs If-Match with the appeal's version.")
	ResponseEntity<AppealView> act(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable String action, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestBody(required = false) @Nullable ActionBody body) {
		AppealAction step = (body != null ? body : ActionBody.EMPTY).toAction(action);
		AppealView appeal = this.appeals.act(user, id, IfMatch.parse(ifMatch).version(), step);
		return ResponseEntity.ok().eTag(IfMatch.etag(appeal.version())).body(appeal);
	}

	record IntakeBody(@Nullable Long personId, @Nullable CallerBody caller, @Nullable List<Long> coSignerIds,
			@Nullable String categoryCode, @Nullable Channel channel, @Nullable String title,
			@Nullable String description, @Nullable Long placeId, @Nullable Integer peopleCount,
			@Nullable Boolean escalated, @Nullable Boolean confidential, @Nullable Instant receivedAt) {

		NewAppeal intake() {
			return new NewAppeal(this.personId, (this.caller != null) ? this.caller.name() : null,
					(this.caller != null) ? this.caller.phone() : null,
					(this.coSignerIds != null) ? this.coSignerIds : List.of(), this.categoryCode, this.channel,
					this.title, this.description, this.placeId, this.peopleCount, Boolean.TRUE.equals(this.escalated),
					Boolean.TRUE.equals(this.confidential), this.receivedAt);
		}

	}

	record CallerBody(@Nullable String name, @Nullable String phone) {
	}

	/**
	 * Every field any action takes; each action reads the ones it needs.
	 */
	record ActionBody(@Nullable String departmentCode, @Nullable Long assigneeId, @Nullable String note,
			@Nullable String reason, @Nullable Integer workingDays, @Nullable Boolean approve, @Nullable String text,
			@Nullable String reply, @Nullable Satisfaction satisfaction, @Nullable String comment) {

		static final ActionBody EMPTY = new ActionBody(null, null, null, null, null, null, null, null, null, null);

		AppealAction toAction(String action) {
			return switch (action) {
				case "assign" -> new AppealAction.Assign(this.departmentCode, this.assigneeId, this.note);
				case "accept" -> new AppealAction.Accept();
				case "return" -> new AppealAction.Return(String.valueOf(required(this.reason, "reason")));
				case "transfer" -> new AppealAction.Transfer(required(this.departmentCode, "departmentCode"),
						required(this.reason, "reason"));
				case "request-extension" -> new AppealAction.RequestExtension(required(this.workingDays, "workingDays"),
						required(this.reason, "reason"));
				case "decide-extension" ->
					new AppealAction.DecideExtension(required(this.approve, "approve"), this.reason);
				case "urge" -> new AppealAction.Urge(required(this.note, "note"));
				case "note" -> new AppealAction.Note(required(this.text, "text"));
				case "resolve" -> new AppealAction.Resolve(required(this.reply, "reply"));
				case "callback" -> new AppealAction.Callback(required(this.satisfaction, "satisfaction"), this.comment);
				case "close" -> new AppealAction.Close(this.note);
				case "reopen" -> new AppealAction.Reopen(required(this.reason, "reason"));
				default -> throw new BadParameter("action", "appeal.action.unknown", action);
			};
		}

		private static <T> T required(@Nullable T value, String field) {
			if (value == null || (value instanceof String text && text.isBlank())) {
				throw new InvalidInput(field, "field.required");
			}
			return value;
		}

	}

}
