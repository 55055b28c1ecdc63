package org.anju.care;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A registered death and its survivor checklist. The person's record and history stay;
 * only their status changed.
 */
public record Death(long id, long personId, String personName, @Nullable Long gridId, LocalDate diedOn,
		String informant, @Nullable String informantRelation, @Nullable String note, String registeredBy,
		Instant registeredAt, List<Task> checklist, long version) {

	/**
	 * @return whether every item of the checklist is done
	 */
	public boolean complete() {
		return this.checklist.stream().allMatch((task) -> task.doneAt() != null);
	}

	/**
	 * One item of the checklist, done by someone at a moment, or still open.
	 */
	public record Task(SurvivorItem item, String name, @Nullable Instant doneAt, @Nullable String doneBy,
			@Nullable String note) {
	}

}
