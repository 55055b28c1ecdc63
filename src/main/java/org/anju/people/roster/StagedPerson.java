package org.anju.people.roster;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.anju.people.RecordedFields;
import org.anju.places.Address;
import org.anju.shared.IdNumber;
import org.anju.shared.Phone;
import org.jspecify.annotations.Nullable;

/**
 * What one roster row makes of a person: a new record, a changed one, or no change. A
 * column that the file does not have keeps what the record holds; an empty cell of a
 * column it has clears it. History and audit see masked values only, under the same field
 * names as an edit by hand.
 */
final class StagedPerson {

	final RosterRow row;

	final @Nullable KnownPerson before;

	final @Nullable String phone;

	final @Nullable Long roomId;

	final @Nullable Long areaId;

	final @Nullable Long gridId;

	final @Nullable String address;

	final @Nullable String formerUnit;

	final @Nullable String notes;

	final List<String> groupCodes;

	private final Map<String, Object> changes;

	private StagedPerson(RosterRow row, @Nullable KnownPerson before, RosterBatch roster, @Nullable Address place) {
		this.row = row;
		this.before = before;
		boolean known = before != null;
		this.phone = roster.has(RosterColumn.PHONE) ? ((row.phone() != null) ? row.phone().value() : null)
				: (known ? before.phone() : null);
		if (roster.hasPlaces()) {
			this.roomId = (place != null) ? place.roomId() : null;
			this.areaId = (place != null) ? place.areaId() : null;
			this.gridId = (place != null) ? place.gridId() : null;
			this.address = (place != null) ? place.text() : null;
		}
		else {
			this.roomId = known ? before.roomId() : null;
			this.areaId = known ? before.areaId() : null;
			this.gridId = known ? before.gridId() : null;
			this.address = known ? before.address() : null;
		}
		this.formerUnit = roster.has(RosterColumn.FORMER_UNIT) ? row.formerUnit()
				: (known ? before.formerUnit() : null);
		this.notes = roster.has(RosterColumn.NOTES) ? row.notes() : (known ? before.notes() : null);
		this.groupCodes = List.copyOf(new TreeSet<>(
				roster.has(RosterColumn.GROUPS) ? row.groupCodes() : (known ? before.groupCodes() : Set.of())));
		this.changes = known ? changes(raw(before), raw()) : Map.of();
	}

	static StagedPerson of(RosterRow row, @Nullable KnownPerson before, RosterBatch roster, @Nullable Address place) {
		return new StagedPerson(row, before, roster, place);
	}

	boolean created() {
		return this.before == null;
	}

	boolean unchanged() {
		return this.before != null && this.changes.isEmpty() && !moved();
	}

	boolean groupsChanged() {
		return (this.before == null) ? !this.groupCodes.isEmpty()
				: !new TreeSet<>(this.before.groupCodes()).equals(new TreeSet<>(this.groupCodes));
	}

	/**
	 * @return the record as history keeps it when the person is first registered
	 */
	Map<String, Object> snapshot() {
		Map<String, Object> snapshot = raw();
		snapshot.replaceAll(StagedPerson::masked);
		return snapshot;
	}

	private Map<String, Object> raw() {
		return raw(this.row.name().value(), this.row.idNumber().value(), this.phone, this.address, this.groupCodes,
				(this.before != null) ? this.before.householdRelation() : null, this.formerUnit, this.notes);
	}

	/**
	 * @return the move between rooms, or {@code null}
	 */
	@Nullable Map<String, Object> move() {
		if (!moved()) {
			return null;
		}
		Map<String, Object> move = new LinkedHashMap<>();
		move.put("address", this.changes.get("address"));
		move.put("roomId", Arrays.asList(Objects.requireNonNull(this.before).roomId(), this.roomId));
		return move;
	}

	/**
	 * @return the other changed fields as {@code [before, after]}, or {@code null}
	 */
	@Nullable Map<String, Object> edits() {
		Map<String, Object> edits = new LinkedHashMap<>(this.changes);
		if (moved()) {
			edits.remove("address");
		}
		return edits.isEmpty() ? null : edits;
	}

	private boolean moved() {
		return this.before != null && !Objects.equals(this.before.roomId(), this.roomId);
	}

	private static Map<String, Object> raw(KnownPerson person) {
		return raw(person.name(), person.idNumber(), person.phone(), person.address(),
				List.copyOf(new TreeSet<>(person.groupCodes())), person.householdRelation(), person.formerUnit(),
				person.notes());
	}

	private static Map<String, Object> raw(String name, String idNumber, @Nullable String phone,
			@Nullable String address, List<String> groups, @Nullable String relation, @Nullable String formerUnit,
			@Nullable String notes) {
		return new RecordedFields(name, idNumber, phone, address, groups, relation, formerUnit, notes).asMap();
	}

	/**
	 * Compares the unmasked values, so that a new phone with the same masked form still
	 * counts, and keeps the masked ones.
	 */
	private static Map<String, Object> changes(Map<String, Object> was, Map<String, Object> now) {
		Map<String, Object> changes = new LinkedHashMap<>();
		now.forEach((field, value) -> {
			if (!Objects.equals(was.get(field), value)) {
				changes.put(field, Arrays.asList(masked(field, was.get(field)), masked(field, value)));
			}
		});
		return changes;
	}

	private static @Nullable Object masked(String field, @Nullable Object value) {
		if (value == null) {
			return null;
		}
		return switch (field) {
			case "idNumber" -> IdNumber.mask((String) value);
			case "phone" -> Phone.mask((String) value);
			default -> value;
		};
	}

}
