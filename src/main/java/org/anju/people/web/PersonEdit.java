package org.anju.people.web;

import java.util.ArrayList;
import java.util.List;

import org.anju.people.Person;
import org.anju.people.PersonForm;
import org.jspecify.annotations.Nullable;

/**
 * The person form as the browser sends it. The ID number and phone start out masked; sent
 * back unchanged, they keep the stored values.
 */
class PersonEdit {

	private @Nullable String name;

	private @Nullable String idNumber;

	private @Nullable String phone;

	private @Nullable Long roomId;

	private List<String> groups = new ArrayList<>();

	private @Nullable String householdRelation;

	private @Nullable String formerUnit;

	private @Nullable String notes;

	private long version;

	static PersonEdit of(Person person) {
		PersonEdit edit = new PersonEdit();
		edit.name = person.name();
		edit.idNumber = person.idNumber();
		edit.phone = person.phone();
		edit.roomId = person.roomId();
		edit.groups = new ArrayList<>(person.groups().stream().map(Person.GroupRef::code).toList());
		edit.householdRelation = person.householdRelation();
		edit.formerUnit = person.formerUnit();
		edit.notes = person.notes();
		edit.version = person.version();
		return edit;
	}

	PersonForm form() {
		return new PersonForm(this.name, this.idNumber, this.phone, this.roomId, this.groups, this.householdRelation,
				this.formerUnit, this.notes);
	}

	public @Nullable String getName() {
		return this.name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getIdNumber() {
		return this.idNumber;
	}

	public void setIdNumber(@Nullable String idNumber) {
		this.idNumber = idNumber;
	}

	public @Nullable String getPhone() {
		return this.phone;
	}

	public void setPhone(@Nullable String phone) {
		this.phone = phone;
	}

	public @Nullable Long getRoomId() {
		return this.roomId;
	}

	public void setRoomId(@Nullable Long roomId) {
		this.roomId = roomId;
	}

	public List<String> getGroups() {
		return this.groups;
	}

	public void setGroups(@Nullable List<String> groups) {
		this.groups = (groups != null) ? groups : new ArrayList<>();
	}

	public @Nullable String getHouseholdRelation() {
		return this.householdRelation;
	}

	public void setHouseholdRelation(@Nullable String householdRelation) {
		this.householdRelation = householdRelation;
	}

	public @Nullable String getFormerUnit() {
		return this.formerUnit;
	}

	public void setFormerUnit(@Nullable String formerUnit) {
		this.formerUnit = formerUnit;
	}

	public @Nullable String getNotes() {
		return this.notes;
	}

	public void setNotes(@Nullable String notes) {
		this.notes = notes;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
