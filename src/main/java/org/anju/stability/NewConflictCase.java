package org.anju.stability;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What registering a conflict case takes. Codes arrive as text and are checked with the
 * rest, so that every broken rule is named at once. With a {@code sourceAppealId}, the
 * title, description, grid and parties default to the appeal's.
 *
 * @param type a {@link ConflictType} code
 * @param level a {@link RiskLevel} code
 * @param source a {@link CaseSource} code; {@code APPEAL} with an appeal, {@code REPORT}
 * otherwise. {@code SCREENING} comes only through a screening report.
 * @param responsibleUnitCode the responsible unit: a department's code
 */
public record NewConflictCase(@Nullable String type, @Nullable String title, @Nullable String description,
		@Nullable String level, List<Long> partyPersonIds, List<String> partyGroupCodes, @Nullable Integer peopleCount,
		@Nullable Long ownerLeaderId, @Nullable String responsibleUnitCode, @Nullable Long gridWorkerId,
		@Nullable Long gridId, @Nullable String source, @Nullable Long sourceAppealId) {

	public NewConflictCase {
		partyPersonIds = (partyPersonIds != null) ? List.copyOf(partyPersonIds) : List.of();
		partyGroupCodes = (partyGroupCodes != null) ? List.copyOf(partyGroupCodes) : List.of();
	}

}
