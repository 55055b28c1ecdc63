package org.anju.duty;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Something that needs a named responsible person at each of its type's levels: an area,
 * a grid, a building, an interest group, an open conflict case, a key person, a warning.
 *
 * @param key the subject's id, or an interest group's code
 * @param gridId the grid it lies in, for a grid worker's scope; {@code null} above any
 * grid
 * @param parent the subject whose person at a level answers for this one when it names
 * none of its own, such as a building's grid
 * @param defaults who answers at a level without being named in the matrix, such as a
 * grid's own grid workers or a case's owner leader
 */
record Subject(String type, String key, String name, @Nullable Long gridId, @Nullable Ref parent,
		Map<String, List<Long>> defaults) {

	Ref ref() {
		return new Ref(this.type, this.key);
	}

	/**
	 * A subject named by type and key.
	 */
	record Ref(String type, String key) {
	}

}
