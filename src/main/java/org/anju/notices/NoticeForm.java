package org.anju.notices;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An outage notice as staff write it: the utility, a title, what residents read, what
 * staff say on the phone, the window and the buildings affected.
 */
public record NoticeForm(@Nullable Utility utility, @Nullable String title, @Nullable String body,
		@Nullable String talkingPoints, @Nullable Instant startsAt, @Nullable Instant endsAt,
		@Nullable List<Long> buildingIds) {
}
