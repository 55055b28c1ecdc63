package org.anju.stability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A mood note (思想动态) as staff see it. Notes are records of what was observed; they are
 * never edited.
 *
 * @param roundId the screening round it was filed in as a finding, if any
 */
public record MoodNote(long id, MoodSubject subjectType, @Nullable Long personId, @Nullable String groupCode,
		@Nullable Long gridId, @Nullable Long areaId, LocalDate date, MoodSource source, Mood mood, List<String> topics,
		List<String> tags, String summary, @Nullable Long roundId, String recordedBy, Instant recordedAt) {
}
