package org.anju.care;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.anju.stability.Mood;
import org.jspecify.annotations.Nullable;

/**
 * A care visit (走访慰问) as recorded: who went when and why, what was brought, the person's
 * condition, the mood note filed about them, the needs found (with the appeal each
 * became) and the visit lists it ticked. A visit is a record of what happened; it is not
 * edited.
 */
public record CareVisit(long id, long personId, String personName, @Nullable Long gridId, LocalDate date,
		List<Long> visitorIds, VisitReason reason, List<Gift> gifts, BigDecimal giftTotalYuan, String condition,
		Mood mood, long moodNoteId, List<Need> needs, List<Long> tickedListIds, String recordedBy, Instant recordedAt,
		long version) {

	/** What was brought, in yuan. */
	public record Gift(String item, BigDecimal amountYuan) {
	}

	/** A need found, and the appeal it became, if any. */
	public record Need(String text, @Nullable Long appealId, @Nullable String appealNumber) {
	}

}
