package org.anju.appeals.portal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anju.appeals.AppealView;
import org.anju.appeals.Satisfaction;
import org.jspecify.annotations.Nullable;

/**
 * One step of an appeal as its resident sees it. A resident follows what happens to their
 * appeal: taken in, given to a department, handled, resolved, rated, closed, reopened.
 * How staff work on it is theirs: notes, urging, returns to dispatch and requests for
 * more time are left out, and so are the names of staff members and the reasons they
 * wrote.
 *
 * @param action the step's code, such as {@code assign}, for its label
 * @param department the department the appeal went to, on {@code assign} and
 * {@code transfer}
 * @param comment the resident's own words, on {@code callback}
 */
record PortalStep(Instant at, String action, @Nullable String department, @Nullable Satisfaction satisfaction,
		@Nullable String comment) {

	private static final Set<String> SHOWN = Set.of("receive", "assign", "accept", "transfer", "resolve", "callback",
			"close", "reopen");

	/**
	 * @param departments department names by code, in the resident's language
	 */
	static List<PortalStep> of(AppealView appeal, Map<String, String> departments) {
		return appeal.timeline().stream().filter((entry) -> SHOWN.contains(entry.action())).map((entry) -> {
			Object code = switch (entry.action()) {
				case "assign" -> entry.detail().get("departmentCode");
				case "transfer" -> entry.detail().get("toDepartment");
				default -> null;
			};
			String department = (code != null) ? departments.getOrDefault(code.toString(), code.toString()) : null;
			Object rating = entry.detail().get("satisfaction");
			boolean callback = "callback".equals(entry.action());
			return new PortalStep(entry.at(), entry.action(), department,
					(callback && rating != null) ? Satisfaction.valueOf(rating.toString()) : null,
					callback ? entry.note() : null);
		}).toList();
	}

}
