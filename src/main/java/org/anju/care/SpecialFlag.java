package org.anju.care;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A person on a special list since a day, on the word of a source (走访, 民政, 本人申报 …); ended
 * on a day with a reason when it no longer holds. {@code subCode} names the category of
 * {@code NINE_SPECIAL}, and is {@code null} for the other lists.
 */
public record SpecialFlag(long id, long personId, String personName, @Nullable Long gridId, SpecialList flag,
		String flagName, @Nullable String subCode, LocalDate since, String source, @Nullable String note,
		@Nullable LocalDate endedOn, @Nullable String endReason, String createdBy, Instant createdAt, long version) {

	public boolean open() {
		return this.endedOn == null;
	}

}
