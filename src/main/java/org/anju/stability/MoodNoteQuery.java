package org.anju.stability;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The filters of the mood-note list; each is optional. {@code from} and {@code to} are
 * days, both included.
 */
public record MoodNoteQuery(@Nullable MoodSubject subjectType, @Nullable Long personId, @Nullable String groupCode,
		@Nullable Long gridId, @Nullable Mood mood, @Nullable LocalDate from, @Nullable LocalDate to) {

	/** No filter at all. */
	public static final MoodNoteQuery ALL = new MoodNoteQuery(null, null, null, null, null, null, null);

}
