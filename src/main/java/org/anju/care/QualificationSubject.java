package org.anju.care;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A retiree in a campaign: checked on a day by a method and a member of staff, or not
 * yet; {@code missedAt} when the deadline passed unchecked (the flag stays after a late
 * check, as history); {@code leftOn} when they died during the campaign.
 */
public record QualificationSubject(long campaignId, long personId, String personName, @Nullable Long gridId,
		@Nullable LocalDate checkedOn, @Nullable QualificationMethod method, @Nullable String checkedBy,
		@Nullable String note, @Nullable Instant missedAt, @Nullable LocalDate leftOn) {
}
