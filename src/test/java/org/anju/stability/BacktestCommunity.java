package org.anju.stability;

import java.util.List;
import java.util.Set;
import java.util.UUID;

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
 * A community of its own for a backtest, which scores every subject of a community on
 * every day of its period: the departments, interest groups and appeal categories of
 * community 1, and nobody in it yet. Places and people are built through the modules'
 * public services, as its administrator.
 */
public final class BacktestCommunity {

	/** Its administrator, over the whole community. */
	public final CurrentUser admin;

	/** A leader over the whole community, who may run a backtest. */
	public final CurrentUser leader;

	private final PlaceManagement places;

	private final PersonManagement people;

	private final UserManagement users;

	private final Place area;

	public BacktestCommunity(JdbcClient jdbc, PlaceManagement places, PersonManagement people, UserManagement users) {
		this.places = places;
		this.people = people;
		long id = jdbc
			.sql("insert into community (id, name) select coalesce(max(id), 0) + 1, :name from community returning id")
			.param("name", "回测社区 " + UUID.randomUUID())
			.query(Long.class)
			.single();
		for (String copy : List.of("""
				insert into department (community_id, code, name_zh, name_en, sort)
				select :c, code, name_zh, name_en, sort from department where community_id = 1
				""", """
				insert into interest_group (community_id, code, name_zh, name_en, sort)
				select :c, code, name_zh, name_en, sort from interest_group where community_id = 1
				""", """
				insert into appeal_category (community_id, code, parent_code, name_zh, name_en, department_code,
				                             limit_days, warning_percent, callback_required, sort)
				select :c, code, parent_code, name_zh, name_en, department_code, limit_days, warning_percent,
				       callback_required, sort
				from appeal_category where community_id = 1
				""")) {
			jdbc.sql(copy).param("c", id).update();
		}
		this.admin = new CurrentUser(id, 0, "backtest-fixtures", "测试夹具", Role.ADMIN, Set.of(), null, null, false);
		this.users = users;
		this.leader = account(Role.LEADER, Set.of());
		this.area = places.create(this.admin, PlaceKind.AREA, RegistryFixtures.unique("片区"), null);
	}

	/**
	 * @return a signed-in user of a new account: the console signs out a session whose
	 * account is gone
	 */
	public CurrentUser account(Role role, Set<Long> grids) {
		UserAccount account = this.users.openSeeded(this.admin.community(),
				new NewUser(RegistryFixtures.unique(role.name().toLowerCase()), RegistryFixtures.FIRST_PASSWORD,
						"回测" + role.name(), role, grids, null, null));
		return new CurrentUser(this.admin.communityId(), account.id(), account.username(), account.displayName(), role,
				grids, null, null, false);
	}

	public CommunityId community() {
		return this.admin.community();
	}

	public Place grid() {
		return this.places.create(this.admin, PlaceKind.GRID, RegistryFixtures.unique("网格"), this.area.id());
	}

	/**
	 * @return a registered person of the group alone, in a room of their own in the grid
	 */
	public Person person(Place grid, String group) {
		Place building = this.places.create(this.admin, PlaceKind.BUILDING, RegistryFixtures.unique("楼"), grid.id());
		Place room = this.places.create(this.admin, PlaceKind.ROOM, RegistryFixtures.unique("房"), building.id());
		return this.people.register(this.admin,
				new PersonForm(RegistryFixtures.chineseName(), IdNumberFixtures.newIdNumber(),
						RegistryFixtures.mobile(), room.id(), List.of(group), null, null, null));
	}

}
