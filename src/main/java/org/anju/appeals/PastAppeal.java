package org.anju.appeals;

import java.time.Instant;
import java.util.Map;

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
 */
public record PastAppeal(String number, AppealState state, Channel channel, AppealCategory category,
		@Nullable String departmentCode, @Nullable Person person, @Nullable String callerName,
		@Nullable String callerPhone, String title, String description, Instant receivedAt,
		@Nullable Instant resolvedAt, @Nullable String reply, @Nullable Satisfaction satisfaction,
		Map<String, Object> source) {
}
