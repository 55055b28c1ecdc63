package org.anju.demo;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.identity.CurrentUser;
import org.anju.identity.NewUser;
import org.anju.identity.Role;
import org.anju.identity.UserManagement;
import org.anju.people.PersonForm;
import org.anju.people.PersonManagement;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;
import org.anju.shared.IdNumberFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarks' data set beyond people and appeals, generated into a community of its
 * own (so that the counts are exact): conflict cases, mood notes, care visits and
 * warnings in their proportions, each with what the app reads back, and nothing added by
 * a second run.
 */
@AnjuSpringTest
class BenchDataTests {

	private static final int PEOPLE = 100;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	UserManagement users;

	@Test
	void aCommunityGetsItsCasesNotesVisitsAndWarningsOnceWithTheirTimelines() {
		long c = community();
		BenchData data = new BenchData(this.dataSource, this.transaction, c);

		data.run(null);

		assertThat(count("conflict_case", c)).isEqualTo(PEOPLE / 25);
		assertThat(count("mood_note", c)).isEqualTo(PEOPLE * 6 / 10);
		assertThat(count("warning", c)).isEqualTo(PEOPLE / 100);
		assertThat(count("care_visit", c)).as("one visit per note taken on a visit to a person")
			.isEqualTo(number("select count(*) from mood_note where community_id = :c and source = 'VISIT'"
					+ " and subject_type = 'PERSON'", c));
		assertThat(number("""
				select count(*) from care_visit v join mood_note n on n.community_id = v.community_id
				  and n.id = v.mood_note_id and n.person_id = v.person_id and n.noted_on = v.visited_on
				where v.community_id = :c
				""", c)).isEqualTo(count("care_visit", c));
		assertThat(number("select count(*) from conflict_timeline where community_id = :c and action = 'register'", c))
			.isEqualTo(count("conflict_case", c));
		assertThat(number("""
				select count(*) from conflict_case k where community_id = :c and state <> 'REGISTERED'
				  and not exists (select 1 from conflict_timeline t where t.community_id = k.community_id
				                  and t.case_id = k.id and t.to_state = k.state)
				""", c)).as("every case's timeline reaches its state").isZero();
		assertThat(number("select count(*) from warning_timeline where community_id = :c and action = 'raise'", c))
			.isEqualTo(count("warning", c));
		assertThat(number(
				"select count(*) from mood_note where community_id = :c" + " and noted_on < current_date - 400", c))
			.as("spread over three years")
			.isPositive();

		data.run(null);

		assertThat(count("conflict_case", c)).isEqualTo(PEOPLE / 25);
		assertThat(count("mood_note", c)).isEqualTo(PEOPLE * 6 / 10);
		assertThat(count("warning", c)).isEqualTo(PEOPLE / 100);
	}

	/**
	 * A community with community 1's departments, groups and categories, an area with two
	 * grids, a grid worker for one of them, a leader and {@link #PEOPLE} people.
	 */
	private long community() {
		long c = this.jdbc
			.sql("insert into community (id, name) select coalesce(max(id), 0) + 1, :name from community returning id")
			.param("name", "压测数据社区 " + UUID.randomUUID())
			.query(Long.class)
			.single();
		for (String copy : List.of("""
				insert into department (community_id, code, name_zh, name_en, sort)
				select :c, code, name_zh, name_en, sort from department where community_id = 1""", """
				insert into interest_group (community_id, code, name_zh, name_en, sort)
				select :c, code, name_zh, name_en, sort from interest_group where community_id = 1""", """
				insert into appeal_category (community_id, code, name_zh, name_en, department_code, limit_days)
				select :c, code, name_zh, name_en, department_code, limit_days from appeal_category
				where community_id = 1 and parent_code is null and active""")) {
			this.jdbc.sql(copy).param("c", c).update();
		}
		CurrentUser admin = new CurrentUser(c, 0, "bench-fixtures", "测试夹具", Role.ADMIN, Set.of(), null, null, false);
		Place area = this.places.create(admin, PlaceKind.AREA, RegistryFixtures.unique("片区"), null);
		List<Place> grids = List.of(this.places.create(admin, PlaceKind.GRID, RegistryFixtures.unique("网格"), area.id()),
				this.places.create(admin, PlaceKind.GRID, RegistryFixtures.unique("网格"), area.id()));
		this.users.create(new CommunityId(c), new NewUser(RegistryFixtures.unique("leader"),
				RegistryFixtures.FIRST_PASSWORD, "书记", Role.LEADER, Set.of(), null, null));
		this.users.create(new CommunityId(c), new NewUser(RegistryFixtures.unique("wangge"),
				RegistryFixtures.FIRST_PASSWORD, "网格员", Role.GRID_WORKER, Set.of(grids.get(0).id()), null, null));
		for (int i = 0; i < PEOPLE; i++) {
			Place building = this.places.create(admin, PlaceKind.BUILDING, RegistryFixtures.unique("楼"),
					grids.get(i % 2).id());
			Place room = this.places.create(admin, PlaceKind.ROOM, "101", building.id());
			this.people.register(admin,
					new PersonForm(RegistryFixtures.chineseName(), IdNumberFixtures.newIdNumber(),
							RegistryFixtures.mobile(), room.id(), List.of((i % 3 == 0) ? "RETIRED" : "FAMILY_RESIDENT"),
							null, null, null));
		}
		return c;
	}

	private long count(String table, long c) {
		return number("select count(*) from " + table + " where community_id = :c", c);
	}

	private long number(String sql, long c) {
		return this.jdbc.sql(sql).param("c", c).query(Long.class).single();
	}

}
