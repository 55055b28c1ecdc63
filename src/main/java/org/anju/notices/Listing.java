package org.anju.notices;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A list as the API conventions shape it: {@code items}, {@code next} (always
 * {@code null}: these lists are short and come whole) and {@code total}.
 */
record Listing<T>(List<T> items, @Nullable String next, long total) {

	static <T> Listing<T> of(List<T> items) {
		return new Listing<>(items, null, items.size());
	}

}
