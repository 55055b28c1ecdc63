package org.anju.duty;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Works out who answers for a subject at a level: the account the matrix names; else the
 * subject's own default (a grid's grid workers, a case's owner leader); else whoever
 * answers for its parent at that level (a building's grid, a grid's area). Disabled
 * accounts never answer.
 */
final class Resolution {

	private final Function<Subject.Ref, Optional<Subject>> subjects;

	private final Map<Key, Named> named;

	private final Set<Long> enabled;

	Resolution(Function<Subject.Ref, Optional<Subject>> subjects, Map<Key, Named> named, Set<Long> enabled) {
		this.subjects = subjects;
		this.named = named;
		this.enabled = enabled;
	}

	Holding resolve(Subject subject, String level) {
		return resolve(subject, level, 0);
	}

	private Holding resolve(Subject subject, String level, int depth) {
		Named named = this.named.get(new Key(subject.type(), subject.key(), level));
		boolean namedDisabled = named != null && !this.enabled.contains(named.userId());
		if (named != null && !namedDisabled) {
			return new Holding(level, named.userId(), named.version(), false, List.of(named.userId()),
					Holding.Origin.NAMED);
		}
		Long namedId = (named != null) ? named.userId() : null;
		long version = (named != null) ? named.version() : 0;
		List<Long> defaults = subject.defaults()
			.getOrDefault(level, List.of())
			.stream()
			.filter(this.enabled::contains)
			.toList();
		if (!defaults.isEmpty()) {
			return new Holding(level, namedId, version, namedDisabled, defaults, Holding.Origin.DEFAULT);
		}
		Subject parent = parent(subject, depth);
		if (parent != null) {
			Holding above = resolve(parent, level, depth + 1);
			if (!above.holders().isEmpty()) {
				return new Holding(level, namedId, version, namedDisabled, above.holders(), Holding.Origin.INHERITED);
			}
		}
		return new Holding(level, namedId, version, namedDisabled, List.of(), Holding.Origin.NONE);
	}

	private @Nullable Subject parent(Subject subject, int depth) {
		// a tree of places is a few levels deep; the bound guards against a cycle
		if (subject.parent() == null || depth > 8) {
			return null;
		}
		return this.subjects.apply(subject.parent()).orElse(null);
	}

	/**
	 * A cell of the matrix.
	 */
	record Key(String type, String key, String level) {
	}

	/**
	 * The account a cell names, and the row's version.
	 */
	record Named(long userId, long version) {
	}

}
