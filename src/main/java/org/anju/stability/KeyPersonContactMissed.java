package org.anju.stability;

import java.time.LocalDate;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

/**
 * A key person's due day passed without a contact. Published once per key person and due
 * day.
 */
public record KeyPersonContactMissed(CommunityId community, long keyPersonId, long personId, String personName,
		@Nullable Long gridId, Grade grade, long responsibleUserId, LocalDate dueDate) {
}
