package org.anju.stability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A contact with a key person, as text so that every broken rule is named at once. With a
 * {@code mood} a mood note about the person is filed with it, with the contact's day,
 * method and summary.
 *
 * @param date {@code YYYY-MM-DD}, not after today nor before the designation
 * @param method {@code VISIT}, {@code PHONE}, {@code MEETING} or {@code OTHER}
 * @param topics the mood note's topics, appeal category codes
 */
public record NewContact(@Nullable String date, @Nullable String method, @Nullable String summary,
		@Nullable String mood, List<String> topics) {

	public NewContact {
		topics = (topics != null) ? Collections.unmodifiableList(new ArrayList<>(topics)) : List.of();
	}

}
