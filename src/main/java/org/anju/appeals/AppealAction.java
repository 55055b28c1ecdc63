package org.anju.appeals;

import org.jspecify.annotations.Nullable;

/**
 * What someone does to an appeal, with the body that the API takes for it.
 */
public sealed interface AppealAction {

	/** The action's name in the API path, e.g. {@code request-extension}. */
	String name();

	/** 分派: give the appeal to a department, or a person, or both. */
	record Assign(@Nullable String departmentCode, @Nullable Long assigneeId,
			@Nullable String note) implements AppealAction {
		public String name() {
			return "assign";
		}
	}

	/** 接收: the handler takes it on. */
	record Accept() implements AppealAction {
		public String name() {
			return "accept";
		}
	}

	/** 退回: back to the dispatch queue, with the reason. */
	record Return(String reason) implements AppealAction {
		public String name() {
			return "return";
		}
	}

	/** 转派: to another department, with the reason. */
	record Transfer(String departmentCode, String reason) implements AppealAction {
		public String name() {
			return "transfer";
		}
	}

	/** 申请延期: more working days, with the reason; a leader decides. */
	record RequestExtension(int workingDays, String reason) implements AppealAction {
		public String name() {
			return "request-extension";
		}
	}

	/** 审批延期: a leader approves or refuses the pending request. */
	record DecideExtension(boolean approve, @Nullable String reason) implements AppealAction {
		public String name() {
			return "decide-extension";
		}
	}

	/** 督办 / 催办: a leader urges the handler. */
	record Urge(String note) implements AppealAction {
		public String name() {
			return "urge";
		}
	}

	/** A progress note. */
	record Note(String text) implements AppealAction {
		public String name() {
			return "note";
		}
	}

	/** 办结: answered, with the reply to the resident. */
	record Resolve(String reply) implements AppealAction {
		public String name() {
			return "resolve";
		}
	}

	/** 回访: what the resident said; dissatisfied reopens the appeal. */
	record Callback(Satisfaction satisfaction, @Nullable String comment) implements AppealAction {
		public String name() {
			return "callback";
		}
	}

	/** 归档 without a callback: not required, or the resident cannot be reached. */
	record Close(@Nullable String note) implements AppealAction {
		public String name() {
			return "close";
		}
	}

	/** Reopen a closed appeal, back to its department. */
	record Reopen(String reason) implements AppealAction {
		public String name() {
			return "reopen";
		}
	}

}
