package org.anju.care;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.anju.RegistryFixtures;
import org.anju.identity.CurrentUser;
import org.anju.identity.NewUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonForm;
import org.anju.people.PersonManagement;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;
import org.anju.shared.IdNumberFixtures;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A community of its own for a test that counts every retiree of a community: the
 * interest groups and the text templates of community 1, and nobody in it yet. Places and
 * people are built through the modules' public services, as its administrator.
 */
final class CareCommunity {

	private static final AtomicInteger SERIAL = new AtomicInteger();

	final CommunityId community;

	final CurrentUser admin;

	private final PlaceManagement places;

	private final PersonManagement people;

	private final UserManagement users;

	CareCommunity(JdbcClient jdbc, PlaceManagement places, PersonManagement people, UserManagement users) {
		this.places = places;
		this.people = people;
		this.users = users;
		long id = jdbc
			.sql("insert into community (id, name) select coalesce(max(id), 0) + 1, :name from community returning id")
			.param("name", "关怀测试社区 " + UUID.randomUUID())
			.query(Long.class)
			.single();
		jdbc.sql("""
				insert into interest_group (community_id, code, name_zh, name_en, sort)
				select :c, code, name_zh, name_en, sort from interest_group where community_id = 1
				""").param("c", id).update();
		jdbc.sql("""
				insert into sms_template (community_id, code, body_zh, placeholders, updated_by)
				select :c, code, body_zh, placeholders, updated_by from sms_template where community_id = 1
				""").param("c", id).update();
		this.community = new CommunityId(id);
		this.admin = new CurrentUser(id, 0, "care-fixtures", "测试夹具", Role.ADMIN, Set.of(), null, null, false);
	}

	Place grid() {
		Place area = this.places.create(this.admin, PlaceKind.AREA, RegistryFixtures.unique("片区"), null);
		return this.places.create(this.admin, PlaceKind.GRID, RegistryFixtures.unique("网格"), area.id());
	}

	Person person(Place grid, String group) {
		return this.people.register(this.admin,
				new PersonForm(RegistryFixtures.chineseName(), IdNumberFixtures.newIdNumber(),
						RegistryFixtures.mobile(), room(grid).id(), List.of(group), null, null, null));
	}

	Place room(Place grid) {
		Place building = this.places.create(this.admin, PlaceKind.BUILDING, RegistryFixtures.unique("楼"), grid.id());
		return this.places.create(this.admin, PlaceKind.ROOM, RegistryFixtures.unique("房"), building.id());
	}

	/**
	 * A person born on the day, whose ID number says so, living in the room.
	 */
	Person born(Place room, String group, LocalDate birthDate) {
		String serial = String.format("%03d", SERIAL.incrementAndGet() % 1000);
		String idNumber = IdNumberFixtures
			.withCheck("430602" + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + serial);
		return this.people.register(this.admin, new PersonForm(RegistryFixtures.chineseName(), idNumber,
				RegistryFixtures.mobile(), room.id(), List.of(group), null, null, null));
	}

	UserAccount account(Role role, Set<Long> grids) {
		return this.users.create(this.community, new NewUser(RegistryFixtures.unique(role.name().toLowerCase()),
				RegistryFixtures.FIRST_PASSWORD, "测试" + role.name(), role, grids, null, null));
	}

}
