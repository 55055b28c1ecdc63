package org.anju.appeals;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.anju.people.Person;
import org.jspecify.annotations.Nullable;

/**
 * An appeal from a community's past ledger, as the ledger has it, with what it names
 * already looked up.
 *
 * @param departmentCode the department that handled it; {@literal null} while it waits
 * for dispatch
 * @param person the registered appellant; {@literal null} for a caller known only by name
 * and phone
 * @param resolvedAt when it was resolved; a closed appeal was closed then too
 * @param source where it came from, for its first timeline entry, such as the file and
 * the row
 * @param number its number, or {@literal null} for the next of its year
 * @param peopleCount how many people came with it
 * @param flags what it was flagged at intake (a referral is 越级访 anyway)
 */
public record PastAppeal(@Nullable String number, AppealState state, Channel channel, AppealCategory category,
		@Nullable String departmentCode, @Nullable Person person, @Nullable String callerName,
		@Nullable String callerPhone, String title, String description, Instant receivedAt,
		@Nullable Instant resolvedAt, @Nullable String reply, @Nullable Satisfaction satisfaction,
		Map<String, Object> source, int peopleCount, Set<AppealFlag> flags) {

	/**
	 * An appeal as a ledger row has it: one person, flagged by its channel alone.
	 */
	public PastAppeal(String number, AppealState state, Channel channel, AppealCategory category,
			@Nullable String departmentCode, @Nullable Person person, @Nullable String callerName,
			@Nullable String callerPhone, String title, String description, Instant receivedAt,
			@Nullable Instant resolvedAt, @Nullable String reply, @Nullable Satisfaction satisfaction,
			Map<String, Object> source) {
		this(number, state, channel, category, departmentCode, person, callerName, callerPhone, title, description,
				receivedAt, resolvedAt, reply, satisfaction, source, 1, Set.of());
	}

}
