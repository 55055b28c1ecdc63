package org.anju.appeals;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the figures of the service loop need to know about one appeal, as it stands now:
 * no personal data and no free text, so that read models may keep it.
 *
 * @param version the appeal's version: of two facts of one appeal the higher is newer
 * @param receivedDay the day of receipt in Asia/Shanghai
 * @param groups the interest groups of the appellant at intake
 * @param resolved whether it is resolved or closed
 * @param resolvedOnTime whether it was resolved within its time limit (only when
 * resolved)
 * @param satisfaction what the resident said at the callback, {@literal null} before it
 * @param overdue whether its deadline passed while it was open
 * @param callbacks every answer the resident gave at a callback, in the order given (a
 * dissatisfied one reopens the appeal, and the next round is called back again)
 */
public record AppealFact(long appealId, long version, LocalDate receivedDay, String categoryCode,
		@Nullable String departmentCode, @Nullable Long areaId, @Nullable Long gridId, List<String> groups,
		boolean resolved, boolean resolvedOnTime, @Nullable Satisfaction satisfaction, boolean overdue,
		List<Callback> callbacks) {

	public AppealFact {
		groups = List.copyOf(groups);
		callbacks = List.copyOf(callbacks);
	}

	/**
	 * One callback's answer.
	 *
	 * @param day the day it was given, in Asia/Shanghai
	 */
	public record Callback(LocalDate day, Satisfaction satisfaction) {
	}

}
