package org.anju.stability;

import java.util.List;

/**
 * One record behind a signal's value, by type and id: an appeal, a conflict case, a mood
 * note, and later a visit or a sensitive date.
 */
public record Evidence(String type, long id) {

	static List<Evidence> of(String type, List<Long> ids) {
		return ids.stream().map((id) -> new Evidence(type, id)).toList();
	}

	/**
	 * @param ids a SQL {@code bigint[]}, such as an {@code array_agg} of ids
	 */
	static List<Evidence> of(String type, java.sql.Array ids) throws java.sql.SQLException {
		return of(type, java.util.Arrays.asList((Long[]) ids.getArray()));
	}

}
