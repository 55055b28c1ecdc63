package org.anju.stability;

import java.time.LocalDate;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

/**
 * A mood note was filed about a person or a group; the warning engine weighs it by its
 * mood and its date.
 */
public record MoodNoteFiled(CommunityId community, long noteId, MoodSubject subjectType, @Nullable Long personId,
		@Nullable String groupCode, @Nullable Long gridId, Mood mood, LocalDate date) {
}
