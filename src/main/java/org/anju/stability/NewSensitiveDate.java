package org.anju.stability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What creating or changing a sensitive date takes, as text so that every broken rule is
 * named at once.
 *
 * @param endsOn the last day, {@code YYYY-MM-DD}; by default {@code startsOn}
 * @param groupCodes interest group codes; empty means everyone
 * @param leadDays 0 to 90, by default 7
 */
public record NewSensitiveDate(@Nullable String title, @Nullable String kind, @Nullable String startsOn,
		@Nullable String endsOn, List<String> groupCodes, @Nullable Integer leadDays, @Nullable String note) {

	public NewSensitiveDate {
		groupCodes = (groupCodes != null) ? Collections.unmodifiableList(new ArrayList<>(groupCodes)) : List.of();
	}

}
