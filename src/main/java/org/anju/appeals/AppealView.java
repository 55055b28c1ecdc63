package org.anju.appeals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An appeal as a caller may see it: phones masked, and the complainant hidden from those
 * a confidential complaint is about. {@code timeline} is filled on a single appeal, empty
 * in lists.
 */
public record AppealView(long id, String number, AppealState state, Channel channel, String categoryCode,
		@Nullable Long personId, @Nullable String personName, @Nullable Caller caller, List<Long> coSignerIds,
		String title, String description, @Nullable Long placeId, @Nullable Long areaId, @Nullable Long gridId,
		int peopleCount, boolean escalated, boolean confidential, Set<AppealFlag> flags, @Nullable Long repeatOf,
		@Nullable String departmentCode, @Nullable Long assigneeId, Instant receivedAt, Instant dueAt,
		LocalDate dueDate, @Nullable Integer pendingExtensionDays, @Nullable Instant resolvedAt, @Nullable String reply,
		@Nullable Boolean resolvedOnTime, @Nullable Satisfaction satisfaction, @Nullable Instant closedAt,
		int reopenCount, long version, List<TimelineEntry> timeline) {

	/**
	 * Someone not in the registry who brought the appeal; the phone is masked.
	 */
	public record Caller(String name, @Nullable String phone) {
	}

	/**
	 * One step of the appeal's life.
	 */
	public record TimelineEntry(long id, Instant at, String actor, String action, @Nullable AppealState fromState,
			@Nullable AppealState toState, @Nullable String note, java.util.Map<String, Object> detail) {
	}

}
