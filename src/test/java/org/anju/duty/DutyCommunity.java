package org.anju.duty;

import java.util.Set;
import java.util.UUID;

import org.anju.RegistryFixtures;
import org.anju.identity.CurrentUser;
import org.anju.identity.NewUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserChange;
import org.anju.identity.UserManagement;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A community of its own for a test that counts every cell of a community's matrix: the
 * departments of community 1, no interest groups, places or accounts yet. Built through
 * the modules' public services, as its administrator.
 */
final class DutyCommunity {

	final CommunityId community;

	final CurrentUser admin;

	private final PlaceManagement places;

	private final UserManagement users;

	DutyCommunity(JdbcClient jdbc, PlaceManagement places, UserManagement users) {
		this.places = places;
		this.users = users;
		long id = jdbc
			.sql("insert into community (id, name) select coalesce(max(id), 0) + 1, :name from community returning id")
			.param("name", "责任测试社区 " + UUID.randomUUID())
			.query(Long.class)
			.single();
		jdbc.sql("""
				insert into department (community_id, code, name_zh, name_en, sort)
				select :c, code, name_zh, name_en, sort from department where community_id = 1
				""").param("c", id).update();
		this.community = new CommunityId(id);
		this.admin = new CurrentUser(id, 0, "duty-fixtures", "测试夹具", Role.ADMIN, Set.of(), null, null, false);
	}

	Place area() {
		return this.places.create(this.admin, PlaceKind.AREA, RegistryFixtures.unique("片区"), null);
	}

	Place grid(Place area) {
		return this.places.create(this.admin, PlaceKind.GRID, RegistryFixtures.unique("网格"), area.id());
	}

	Place building(Place grid) {
		return this.places.create(this.admin, PlaceKind.BUILDING, RegistryFixtures.unique("楼"), grid.id());
	}

	UserAccount account(Role role, Set<Long> grids) {
		return this.users.create(this.community, new NewUser(RegistryFixtures.unique(role.name().toLowerCase()),
				RegistryFixtures.FIRST_PASSWORD, "测试" + role.name(), role, grids, null, null));
	}

	UserAccount departmentStaff(String departmentCode) {
		return this.users.create(this.community, new NewUser(RegistryFixtures.unique("staff"),
				RegistryFixtures.FIRST_PASSWORD, "测试部门人员", Role.DEPARTMENT_STAFF, Set.of(), departmentCode, null));
	}

	void disable(UserAccount account) {
		this.users.update(this.community, account.id(), account.version(), new UserChange(account.displayName(),
				account.role(), account.gridIds(), account.departmentCode(), account.personId(), false));
	}

}
