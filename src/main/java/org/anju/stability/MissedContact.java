package org.anju.stability;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A current key person whose contact is past due, for the warning engine.
 *
 * @param dueDate the first due day that passed without a contact
 * @param daysOverdue days since {@code dueDate}, at least 1
 * @param missedCount the due days that passed since the last contact (or the
 * designation), counted by the interval: a weekly key person 15 days overdue has missed 3
 * @param missIds the recorded misses of this run ({@code key_person_miss}), one per due
 * day the poller has fired for, as evidence
 */
public record MissedContact(long keyPersonId, long personId, @Nullable Long gridId, Grade grade, long responsibleUserId,
		LocalDate dueDate, int daysOverdue, int missedCount, List<Long> missIds) {
}
