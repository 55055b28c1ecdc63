package org.anju.stability;

import java.time.LocalDate;

/**
 * A step on a conflict case, as {@code POST /api/v1/conflicts/{id}/{action}} names it.
 */
public sealed interface ConflictAction {

	/**
	 * @return the action's name in the API, such as {@code hand-over}
	 */
	String name();

	/**
	 * A mediation session (调解): the first one starts the resolving.
	 */
	record Mediate(LocalDate date, String method, String participants, String agreement,
			String outcome) implements ConflictAction {

		@Override
		public String name() {
			return "mediate";
		}

	}

	/**
	 * 已化解, with whether the parties confirmed it.
	 */
	record Resolve(boolean confirmedByParties, String summary) implements ConflictAction {

		@Override
		public String name() {
			return "resolve";
		}

	}

	/**
	 * 稳控: not resolved, but under control.
	 */
	record Stabilise(String summary) implements ConflictAction {

		@Override
		public String name() {
			return "stabilise";
		}

	}

	/**
	 * 移交 to a named outside body, such as the sub-district's mediation committee or a
	 * court.
	 */
	record HandOver(String body, String summary) implements ConflictAction {

		@Override
		public String name() {
			return "hand-over";
		}

	}

	/**
	 * A closed case flared up again: it is reopened, not registered a second time.
	 */
	record Reopen(String reason) implements ConflictAction {

		@Override
		public String name() {
			return "reopen";
		}

	}

}
