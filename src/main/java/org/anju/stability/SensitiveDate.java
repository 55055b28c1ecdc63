package org.anju.stability;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A sensitive date (敏感日期) or range of days. It matters from {@code leadDays} before it
 * starts until it ends.
 *
 * @param endsOn the last day, equal to {@code startsOn} for a single day
 * @param groupCodes the interest groups it concerns; empty means everyone
 */
public record SensitiveDate(long id, String title, SensitiveDateKind kind, LocalDate startsOn, LocalDate endsOn,
		List<String> groupCodes, int leadDays, @Nullable String note, long version) {

	/**
	 * @return the first day it matters: {@code leadDays} before it starts
	 */
	public LocalDate mattersFrom() {
		return this.startsOn.minusDays(this.leadDays);
	}

	/**
	 * @return whether it concerns the group: it names the group or names none
	 */
	public boolean concerns(String groupCode) {
		return this.groupCodes.isEmpty() || this.groupCodes.contains(groupCode);
	}

}
