package org.anju.people.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.anju.people.HistoryEntry;
import org.jspecify.annotations.Nullable;

/**
 * One history entry as the person page lists it: each changed field with its value before
 * and after, or, for a snapshot such as the registration, its value alone.
 */
record HistoryView(String kind, Instant at, String actor, List<Change> changes) {

	static List<HistoryView> of(List<HistoryEntry> entries) {
		return entries.stream()
			.map((entry) -> new HistoryView(entry.kind(), entry.at(), entry.actor(),
					entry.changes()
						.entrySet()
						.stream()
						.filter((field) -> field.getValue() != null)
						.map((field) -> change(entry.kind(), field))
						.toList()))
			.toList();
	}

	private static Change change(String kind, Map.Entry<String, Object> field) {
		// edits keep [before, after]; a registration or a merge keeps plain values
		if (!"REGISTERED".equals(kind) && field.getValue() instanceof List<?> pair && pair.size() == 2) {
			return new Change(field.getKey(), text(pair.get(0)), text(pair.get(1)));
		}
		return new Change(field.getKey(), null, text(field.getValue()));
	}

	private static String text(@Nullable Object value) {
		if (value == null) {
			return "—";
		}
		return (value instanceof List<?> list) ? String.join("、", list.stream().map(String::valueOf).toList())
				: String.valueOf(value);
	}

	/**
	 * A field's value before (none for a snapshot) and after.
	 */
	record Change(String field, @Nullable String before, String after) {
	}

}
