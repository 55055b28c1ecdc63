package org.anju.stability;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.places.Place;
import org.anju.places.PlaceManagement;

import org.springframework.stereotype.Component;

/**
 * Missed key-person contacts (重点人员未按期联系): for each key person whose contact plan is
 * behind, the number of visits missed since the last contact, for the person, their grid,
 * its area and the community. A key person nobody has seen is a risk the engine cannot
 * read from appeals or notes.
 */
@Component
class MissedContacts implements Signal {

	private final KeyPersons keyPersons;

	private final PlaceManagement places;

	MissedContacts(KeyPersons keyPersons, PlaceManagement places) {
		this.keyPersons = keyPersons;
		this.places = places;
	}

	@Override
	public String code() {
		return "MISSED_CONTACTS";
	}

	@Override
	public double defaultWeight() {
		return 4;
	}

	@Override
	public void measure(RiskRun run) {
		// a contact plan keeps only its next due day, so a past day reads the misses the
		// clock recorded
		List<MissedContact> behind = run.asOf()
				? this.keyPersons.missedContactsAsOf(run.community(), run.today(), run.now())
				: this.keyPersons.missedContacts(run.community());
		Map<Long, Optional<Long>> areas = new HashMap<>();
		for (MissedContact missed : behind) {
			List<Evidence> evidence = List.of(new Evidence("KEY_PERSON", missed.keyPersonId()));
			String detail = missed.grade() + " · " + missed.dueDate();
			run.add("PERSON:" + missed.personId(), code(), missed.missedCount(), evidence, detail);
			Long grid = missed.gridId();
			if (grid != null) {
				run.add("GRID:" + grid, code(), missed.missedCount(), evidence, null);
				areas.computeIfAbsent(grid, (id) -> this.places.find(run.community(), id).map(Place::areaId))
					.ifPresent((area) -> run.add("AREA:" + area, code(), missed.missedCount(), evidence, null));
			}
			run.add("COMMUNITY:" + run.community().value(), code(), missed.missedCount(), evidence, null);
		}
	}

}
