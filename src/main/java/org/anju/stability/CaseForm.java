package org.anju.stability;

import java.util.ArrayList;
import java.util.List;

import org.anju.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * The console's form for a new conflict case. Parties are typed as registry numbers
 * separated by commas or spaces; with a round, the case is filed as that grid's screening
 * finding.
 */
class CaseForm {

	private @Nullable String type;

	private @Nullable String title;

	private @Nullable String description;

	private @Nullable String level = RiskLevel.ORDINARY.name();

	private @Nullable String partyPersonIds;

	private List<String> partyGroupCodes = new ArrayList<>();

	private @Nullable Integer peopleCount;

	private @Nullable Long ownerLeaderId;

	private @Nullable String responsibleUnitCode;

	private @Nullable Long gridId;

	private @Nullable String source = CaseSource.REPORT.name();

	private @Nullable Long sourceAppealId;

	private @Nullable Long roundId;

	/**
	 * @throws InvalidInput when a party is not a number
	 */
	NewConflictCase toCase() {
		List<Long> persons = new ArrayList<>();
		if (this.partyPersonIds != null) {
			for (String part : this.partyPersonIds.split("[,，\\s]+")) {
				if (part.isBlank()) {
					continue;
				}
				try {
					persons.add(Long.parseLong(part));
				}
				catch (NumberFormatException ex) {
					throw new InvalidInput("partyPersonIds", "conflict.person.unknown", part);
				}
			}
		}
		return new NewConflictCase(this.type, this.title, this.description, this.level, persons, this.partyGroupCodes,
				this.peopleCount, this.ownerLeaderId, this.responsibleUnitCode, null, this.gridId,
				(this.sourceAppealId != null) ? null : this.source, this.sourceAppealId);
	}

	public @Nullable String getType() {
		return this.type;
	}

	public void setType(@Nullable String type) {
		this.type = type;
	}

	public @Nullable String getTitle() {
		return this.title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable String getDescription() {
		return this.description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	public @Nullable String getLevel() {
		return this.level;
	}

	public void setLevel(@Nullable String level) {
		this.level = level;
	}

	public @Nullable String getPartyPersonIds() {
		return this.partyPersonIds;
	}

	public void setPartyPersonIds(@Nullable String partyPersonIds) {
		this.partyPersonIds = partyPersonIds;
	}

	public List<String> getPartyGroupCodes() {
		return this.partyGroupCodes;
	}

	public void setPartyGroupCodes(@Nullable List<String> partyGroupCodes) {
		this.partyGroupCodes = (partyGroupCodes != null) ? partyGroupCodes : new ArrayList<>();
	}

	public @Nullable Integer getPeopleCount() {
		return this.peopleCount;
	}

	public void setPeopleCount(@Nullable Integer peopleCount) {
		this.peopleCount = peopleCount;
	}

	public @Nullable Long getOwnerLeaderId() {
		return this.ownerLeaderId;
	}

	public void setOwnerLeaderId(@Nullable Long ownerLeaderId) {
		this.ownerLeaderId = ownerLeaderId;
	}

	public @Nullable String getResponsibleUnitCode() {
		return this.responsibleUnitCode;
	}

	public void setResponsibleUnitCode(@Nullable String responsibleUnitCode) {
		this.responsibleUnitCode = (responsibleUnitCode != null && responsibleUnitCode.isBlank()) ? null
				: responsibleUnitCode;
	}

	public @Nullable Long getGridId() {
		return this.gridId;
	}

	public void setGridId(@Nullable Long gridId) {
		this.gridId = gridId;
	}

	public @Nullable String getSource() {
		return this.source;
	}

	public void setSource(@Nullable String source) {
		this.source = source;
	}

	public @Nullable Long getSourceAppealId() {
		return this.sourceAppealId;
	}

	public void setSourceAppealId(@Nullable Long sourceAppealId) {
		this.sourceAppealId = sourceAppealId;
	}

	public @Nullable Long getRoundId() {
		return this.roundId;
	}

	public void setRoundId(@Nullable Long roundId) {
		this.roundId = roundId;
	}

}
