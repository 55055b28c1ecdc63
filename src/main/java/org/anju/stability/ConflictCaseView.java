package org.anju.stability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A conflict case as staff see it. {@code mediations} and {@code timeline} are filled on
 * a single case and empty in lists.
 *
 * @param dueAt the end of the due day, as an instant
 * @param overdue whether an open case is past its due day
 */
public record ConflictCaseView(long id, ConflictType type, String title, String description, RiskLevel level,
		ConflictState state, CaseSource source, @Nullable Long sourceAppealId, @Nullable Long sourceRoundId,
		List<Long> partyPersonIds, List<String> partyGroupCodes, int peopleCount, long ownerLeaderId,
		@Nullable String responsibleUnitCode, @Nullable Long gridWorkerId, @Nullable Long areaId, long gridId,
		Instant registeredAt, LocalDate dueDate, Instant dueAt, boolean overdue, @Nullable Instant closedAt,
		@Nullable Boolean confirmedByParties, @Nullable String summary, @Nullable String handedOverTo, int reopenCount,
		long version, List<Mediation> mediations, List<TimelineEntry> timeline) {

	/**
	 * One mediation session.
	 */
	public record Mediation(long id, LocalDate date, String method, String participants, String agreement,
			String outcome, String recordedBy, Instant recordedAt) {
	}

	/**
	 * One step of the case's life.
	 */
	public record TimelineEntry(long id, Instant at, String actor, String action, @Nullable ConflictState fromState,
			@Nullable ConflictState toState, @Nullable String note, Map<String, Object> detail) {
	}

}
