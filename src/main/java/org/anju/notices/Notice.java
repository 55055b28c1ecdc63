package org.anju.notices;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An outage notice with its buildings and the number of appeals linked to it.
 * {@code active} while the window is on now.
 */
public record Notice(long id, Utility utility, String utilityName, String title, @Nullable String body,
		String talkingPoints, Instant startsAt, Instant endsAt, boolean active, List<Building> buildings,
		int linkedAppeals, String createdBy, Instant createdAt, long version) {

	/**
	 * A building the notice names.
	 */
	public record Building(long id, String name) {
	}

}
