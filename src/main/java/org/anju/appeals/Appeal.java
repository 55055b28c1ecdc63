package org.anju.appeals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anju.shared.InvalidInput;
import org.anju.shared.Refused;
import org.jspecify.annotations.Nullable;

/**
 * An appeal (诉求) and its lifecycle. It is received, assigned, accepted, resolved, called
 * back and closed; it can be returned to dispatch or transferred while it is handled, and
 * its handler can ask for more time, which a leader grants or refuses. A dissatisfied
 * callback reopens it to its department with a new clock, and so does a reopen of a
 * closed appeal. Each step leaves a timeline entry; a step that the state does not allow
 * is refused.
 */
final class Appeal {

	private final long id;

	private final String number;

	private AppealState state;

	private final String categoryCode;

	private final Set<AppealFlag> flags;

	private @Nullable String departmentCode;

	private @Nullable Long assigneeId;

	private Instant dueAt;

	private Instant warnAt;

	private @Nullable Instant nearlyDueFiredAt;

	private @Nullable Instant overdueFiredAt;

	private @Nullable Integer extensionDays;

	private @Nullable String extensionReason;

	private @Nullable Instant resolvedAt;

	private @Nullable String reply;

	private @Nullable Boolean resolvedOnTime;

	private @Nullable Satisfaction satisfaction;

	private @Nullable Instant closedAt;

	private int reopenCount;

	private final long version;

	private final List<Step> steps = new ArrayList<>();

	Appeal(long id, String number, AppealState state, String categoryCode, Set<AppealFlag> flags,
			@Nullable String departmentCode, @Nullable Long assigneeId, Instant dueAt, Instant warnAt,
			@Nullable Instant nearlyDueFiredAt, @Nullable Instant overdueFiredAt, @Nullable Integer extensionDays,
			@Nullable String extensionReason, @Nullable Instant resolvedAt, @Nullable String reply,
			@Nullable Boolean resolvedOnTime, @Nullable Satisfaction satisfaction, @Nullable Instant closedAt,
			int reopenCount, long version) {
		this.id = id;
		this.number = number;
		this.state = state;
		this.categoryCode = categoryCode;
		this.flags = flags.isEmpty() ? EnumSet.noneOf(AppealFlag.class) : EnumSet.copyOf(flags);
		this.departmentCode = departmentCode;
		this.assigneeId = assigneeId;
		this.dueAt = dueAt;
		this.warnAt = warnAt;
		this.nearlyDueFiredAt = nearlyDueFiredAt;
		this.overdueFiredAt = overdueFiredAt;
		this.extensionDays = extensionDays;
		this.extensionReason = extensionReason;
		this.resolvedAt = resolvedAt;
		this.reply = reply;
		this.resolvedOnTime = resolvedOnTime;
		this.satisfaction = satisfaction;
		this.closedAt = closedAt;
		this.reopenCount = reopenCount;
		this.version = version;
	}

	void assign(@Nullable String department, @Nullable Long assignee, @Nullable String note) {
		require("assign", AppealState.RECEIVED);
		if (department == null && assignee == null) {
			throw new InvalidInput("departmentCode", "appeal.assign.target");
		}
		AppealState from = this.state;
		this.departmentCode = department;
		this.assigneeId = assignee;
		this.state = AppealState.ASSIGNED;
		step("assign", from, note, detail("departmentCode", department, "assigneeId", assignee));
	}

	void accept() {
		require("accept", AppealState.ASSIGNED);
		move("accept", AppealState.IN_PROGRESS, null);
	}

	void returnToDispatch(String reason) {
		require("return", AppealState.ASSIGNED, AppealState.IN_PROGRESS);
		String from = this.departmentCode;
		this.departmentCode = null;
		this.assigneeId = null;
		this.extensionDays = null;
		this.extensionReason = null;
		AppealState before = this.state;
		this.state = AppealState.RECEIVED;
		step("return", before, reason(reason), detail("fromDepartment", from, "assigneeId", null));
	}

	void transfer(String department, String reason) {
		require("transfer", AppealState.ASSIGNED, AppealState.IN_PROGRESS);
		if (department.equals(this.departmentCode)) {
			throw new InvalidInput("departmentCode", "appeal.transfer.same");
		}
		String from = this.departmentCode;
		AppealState before = this.state;
		this.departmentCode = department;
		this.assigneeId = null;
		this.extensionDays = null;
		this.extensionReason = null;
		this.state = AppealState.ASSIGNED;
		step("transfer", before, reason(reason), detail("fromDepartment", from, "toDepartment", department));
	}

	void requestExtension(int workingDays, String reason) {
		require("request-extension", AppealState.ASSIGNED, AppealState.IN_PROGRESS);
		if (workingDays < 1 || workingDays > 30) {
			throw new InvalidInput("workingDays", "appeal.extension.days", 30);
		}
		if (this.extensionDays != null) {
			throw new Refused("appeal.extension.pending");
		}
		this.extensionDays = workingDays;
		this.extensionReason = reason(reason);
		step("request-extension", this.state, this.extensionReason, detail("workingDays", workingDays, null, null));
	}

	/**
	 * @param extendedDue the due time moved by the requested working days, used when
	 * approved
	 */
	void decideExtension(boolean approve, @Nullable String reason, Instant extendedDue, Instant extendedWarn) {
		if (this.extensionDays == null) {
			throw new Refused("appeal.extension.none");
		}
		int days = this.extensionDays;
		Instant before = this.dueAt;
		if (approve) {
			this.dueAt = extendedDue;
			this.warnAt = extendedWarn;
			restartClocks();
		}
		this.extensionDays = null;
		this.extensionReason = null;
		step("decide-extension", this.state, reason, detail("approved", approve, "workingDays", days, "dueBefore",
				before.toString(), "dueAfter", this.dueAt.toString()));
	}

	/**
	 * @return the working days a pending extension asks for
	 */
	@Nullable Integer pendingExtension() {
		return this.extensionDays;
	}

	void urge(String note) {
		require("urge", AppealState.RECEIVED, AppealState.ASSIGNED, AppealState.IN_PROGRESS);
		step("urge", this.state, reason(note), Map.of());
	}

	void note(String text) {
		if (this.state == AppealState.CLOSED) {
			throw new Refused("appeal.transition", "note", this.state.name());
		}
		step("note", this.state, text(text, "text"), Map.of());
	}

	void resolve(String reply, Instant now) {
		require("resolve", AppealState.IN_PROGRESS);
		this.reply = text(reply, "reply");
		this.resolvedAt = now;
		this.resolvedOnTime = !now.isAfter(this.dueAt);
		this.extensionDays = null;
		this.extensionReason = null;
		move("resolve", AppealState.RESOLVED, null);
	}

	/**
	 * @param restarted the clocks of a new round, used when the resident is dissatisfied
	 */
	void callback(Satisfaction satisfaction, @Nullable String comment, Instant now, Clocks restarted) {
		require("callback", AppealState.RESOLVED);
		this.satisfaction = satisfaction;
		if (satisfaction.satisfied()) {
			this.closedAt = now;
			this.state = AppealState.CLOSED;
			step("callback", AppealState.RESOLVED, comment, detail("satisfaction", satisfaction.name(), null, null));
			return;
		}
		reopenWith(restarted);
		step("callback", AppealState.RESOLVED, comment,
				detail("satisfaction", satisfaction.name(), "reopenCount", this.reopenCount));
	}

	void close(@Nullable String note, Instant now) {
		require("close", AppealState.RESOLVED);
		this.closedAt = now;
		move("close", AppealState.CLOSED, note);
	}

	void reopen(String reason, Clocks restarted) {
		require("reopen", AppealState.CLOSED);
		reopenWith(restarted);
		step("reopen", AppealState.CLOSED, reason(reason), detail("reopenCount", this.reopenCount, null, null));
	}

	/**
	 * The warning point passed: the appeal is nearly due (临期). Fires once.
	 */
	void markNearlyDue(Instant now) {
		this.nearlyDueFiredAt = now;
		if (this.state.isOpen()) {
			this.flags.add(AppealFlag.NEARLY_DUE);
			step("nearly-due", this.state, null, Map.of("dueAt", this.dueAt.toString()));
		}
	}

	/**
	 * The due time passed: the appeal is overdue (超期). Fires once.
	 */
	void markOverdue(Instant now) {
		this.overdueFiredAt = now;
		if (this.state.isOpen()) {
			this.flags.remove(AppealFlag.NEARLY_DUE);
			this.flags.add(AppealFlag.OVERDUE);
			step("overdue", this.state, null, Map.of("dueAt", this.dueAt.toString()));
		}
	}

	private void reopenWith(Clocks restarted) {
		this.reopenCount++;
		this.flags.add(AppealFlag.REOPENED);
		this.state = AppealState.ASSIGNED;
		this.assigneeId = null;
		this.resolvedAt = null;
		this.resolvedOnTime = null;
		this.closedAt = null;
		this.dueAt = restarted.dueAt();
		this.warnAt = restarted.warnAt();
		restartClocks();
	}

	private void restartClocks() {
		this.flags.remove(AppealFlag.NEARLY_DUE);
		this.flags.remove(AppealFlag.OVERDUE);
		this.nearlyDueFiredAt = null;
		this.overdueFiredAt = null;
	}

	private void require(String action, AppealState... allowed) {
		for (AppealState state : allowed) {
			if (this.state == state) {
				return;
			}
		}
		throw new Refused("appeal.transition", action, this.state.name());
	}

	private void move(String action, AppealState to, @Nullable String note) {
		AppealState from = this.state;
		this.state = to;
		step(action, from, note, Map.of());
	}

	private void step(String action, AppealState from, @Nullable String note, Map<String, Object> detail) {
		this.steps.add(new Step(action, from, this.state, note, detail));
	}

	private static String reason(String reason) {
		return text(reason, "reason");
	}

	private static String text(@Nullable String text, String field) {
		if (text == null || text.isBlank()) {
			throw new InvalidInput(field, "field.required");
		}
		String clean = text.strip();
		if (clean.length() > 2000) {
			throw new InvalidInput(field, "appeal.text.length", 2000);
		}
		return clean;
	}

	private static Map<String, Object> detail(Object... pairs) {
		Map<String, Object> detail = new LinkedHashMap<>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			if (pairs[i] != null && pairs[i + 1] != null) {
				detail.put((String) pairs[i], pairs[i + 1]);
			}
		}
		return detail;
	}

	long id() {
		return this.id;
	}

	String number() {
		return this.number;
	}

	AppealState state() {
		return this.state;
	}

	String categoryCode() {
		return this.categoryCode;
	}

	Set<AppealFlag> flags() {
		return this.flags;
	}

	@Nullable String departmentCode() {
		return this.departmentCode;
	}

	@Nullable Long assigneeId() {
		return this.assigneeId;
	}

	Instant dueAt() {
		return this.dueAt;
	}

	Instant warnAt() {
		return this.warnAt;
	}

	@Nullable Instant nearlyDueFiredAt() {
		return this.nearlyDueFiredAt;
	}

	@Nullable Instant overdueFiredAt() {
		return this.overdueFiredAt;
	}

	@Nullable String extensionReason() {
		return this.extensionReason;
	}

	@Nullable Instant resolvedAt() {
		return this.resolvedAt;
	}

	@Nullable String reply() {
		return this.reply;
	}

	@Nullable Boolean resolvedOnTime() {
		return this.resolvedOnTime;
	}

	@Nullable Satisfaction satisfaction() {
		return this.satisfaction;
	}

	@Nullable Instant closedAt() {
		return this.closedAt;
	}

	int reopenCount() {
		return this.reopenCount;
	}

	long version() {
		return this.version;
	}

	/**
	 * @return the steps taken since the appeal was loaded, for its timeline
	 */
	List<Step> steps() {
		return this.steps;
	}

	/**
	 * When an appeal is due and when it warns.
	 */
	record Clocks(Instant dueAt, Instant warnAt) {
	}

	/**
	 * One step to write to the timeline.
	 */
	record Step(String action, @Nullable AppealState from, AppealState to, @Nullable String note,
			Map<String, Object> detail) {
	}

}
