package org.anju.stability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A key person (重点人员) as the caller sees them. The effective {@code grade} is the manual
 * override when there is one, otherwise the computed grade; {@code nextDue} is the last
 * contact (or the designation) plus that grade's interval, and the person is
 * {@code overdue} from the day after it. A key person who stopped being one keeps their
 * record and contacts, with {@code endedAt} set.
 *
 * @param personName the registered person's name; ID number and phone are never here
 * @param gridId the grid the person lives in now
 * @param contacts the contact log, the latest first; empty in a list
 */
public record KeyPerson(long id, long personId, String personName, @Nullable Long gridId, String reason, Grade grade,
		Grade computedGrade, String computedExplanation, Instant computedAt, @Nullable Grade overrideGrade,
		@Nullable String overrideReason, @Nullable String overrideBy, @Nullable Instant overrideAt,
		long responsibleUserId, String responsibleName, LocalDate designatedOn, @Nullable LocalDate lastContactOn,
		LocalDate nextDue, boolean overdue, int daysOverdue, @Nullable Instant endedAt, @Nullable String endedReason,
		long version, List<Contact> contacts) {

	/**
	 * One logged contact.
	 *
	 * @param moodNoteId the mood note filed with it, if any
	 */
	public record Contact(long id, LocalDate date, ContactMethod method, String summary, @Nullable Long moodNoteId,
			String recordedBy, Instant recordedAt) {
	}

}
