package org.anju.people;

import org.jspecify.annotations.Nullable;

/**
 * A search of the registry: free text (a name, pinyin, initials, the last four digits of
 * an ID or phone, or a whole ID or phone) and filters. Every part is optional.
 */
public record PeopleQuery(@Nullable String q, @Nullable String group, @Nullable Long areaId, @Nullable Long gridId,
		@Nullable PersonStatus status) {

	public static PeopleQuery everyone() {
		return new PeopleQuery(null, null, null, null, null);
	}

}
