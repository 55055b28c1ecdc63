package org.anju.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoleTests {

	/**
	 * What each role may do at all, as the design gives it: the admin everything; the
	 * leader reads the whole community, unmasks and exports; department staff look people
	 * up; a grid worker keeps the registry of their grids; a resident reaches nothing of
	 * the registry. For appeals the leader dispatches and supervises; department staff
	 * and grid workers take appeals in and handle what is given to them. All staff see
	 * and do the stability work within their scope; residents never see it. Leaders and
	 * department staff write questionnaires and open survey campaigns; they and grid
	 * workers (for their own grids) publish outage notices. All staff read the
	 * responsibility system; leaders and admins manage it. All staff read the contingency
	 * plans; leaders write and approve them and run incidents. Only the leader (and the
	 * admin) sees the whole community's dashboard and reports.
	 */
	private static final String MATRIX = """
			permission        ADMIN LEADER DEPARTMENT_STAFF GRID_WORKER RESIDENT
			PEOPLE_READ       x     x      x                x           -
			PEOPLE_WRITE      x     -      -                x           -
			PEOPLE_UNMASK     x     x      -                -           -
			PEOPLE_MERGE      x     -      -                -           -
			PEOPLE_REPORT     x     -      -                -           -
			PEOPLE_IMPORT     x     -      -                -           -
			PEOPLE_EXPORT     x     x      -                x           -
			PLACES_READ       x     x      x                x           -
			PLACES_WRITE      x     -      -                x           -
			PLACES_STRUCTURE  x     -      -                -           -
			REFERENCE_DATA    x     -      -                -           -
			USERS_MANAGE      x     -      -                -           -
			AUDIT_READ        x     x      -                -           -
			SYSTEM_BACKUP     x     -      -                -           -
			APPEALS_READ      x     x      x                x           -
			APPEALS_INTAKE    x     -      x                x           -
			APPEALS_HANDLE    x     -      x                x           -
			APPEALS_DISPATCH  x     x      -                -           -
			APPEALS_SUPERVISE x     x      -                -           -
			STABILITY_READ    x     x      x                x           -
			STABILITY_WORK    x     x      x                x           -
			SURVEYS_MANAGE    x     x      x                -           -
			NOTICES_MANAGE    x     x      x                x           -
			DUTY_READ         x     x      x                x           -
			DUTY_MANAGE       x     x      -                -           -
			RISK_MODEL        x     x      -                -           -
			PLANS_READ        x     x      x                x           -
			PLANS_MANAGE      x     x      -                -           -
			INCIDENTS_RUN     x     x      -                -           -
			REPORTS_READ      x     x      -                -           -
			LETTERS_READ      x     x      x                x           -
			LETTERS_MANAGE    x     x      -                -           -
			""";

	@Test
	void everyRoleMayDoExactlyWhatTheMatrixSays() {
		List<String[]> rows = MATRIX.lines().map((line) -> line.strip().split("\\s+")).toList();
		List<Role> roles = Arrays.stream(rows.get(0)).skip(1).map(Role::valueOf).toList();
		assertThat(roles).containsExactlyInAnyOrder(Role.values());
		Set<Permission> listed = EnumSet.noneOf(Permission.class);
		for (String[] row : rows.subList(1, rows.size())) {
			Permission permission = Permission.valueOf(row[0]);
			listed.add(permission);
			for (int i = 0; i < roles.size(); i++) {
				boolean expected = row[i + 1].equals("x");
				assertThat(roles.get(i).may(permission)).as("%s may %s", roles.get(i), permission).isEqualTo(expected);
			}
		}
		assertThat(listed).as("every permission is in the matrix").containsExactlyInAnyOrder(Permission.values());
	}

	@Test
	void aGridWorkerIsBoundToTheirGrids() {
		DataScope scope = new DataScope(1, Role.GRID_WORKER, Set.of(10L, 11L), null, null);

		assertThat(scope.wholeCommunity()).isFalse();
		assertThat(scope.covers(10L)).isTrue();
		assertThat(scope.covers(12L)).isFalse();
		assertThat(scope.covers(null)).as("an area lies above every grid").isFalse();
		assertThat(scope.gridFilter()).containsExactlyInAnyOrder(10L, 11L);
	}

	@Test
	void aResidentSeesNoOneElse() {
		DataScope scope = new DataScope(1, Role.RESIDENT, Set.of(), null, 5L);

		assertThat(scope.covers(10L)).isFalse();
		assertThat(scope.gridFilter()).isEmpty();
	}

	@Test
	void staffOtherThanGridWorkersSeeTheWholeCommunity() {
		for (Role role : EnumSet.of(Role.ADMIN, Role.LEADER, Role.DEPARTMENT_STAFF)) {
			DataScope scope = new DataScope(1, role, Set.of(), "PROPERTY", null);

			assertThat(scope.wholeCommunity()).as(role.name()).isTrue();
			assertThat(scope.covers(10L)).isTrue();
			assertThat(scope.covers(null)).isTrue();
			assertThat(scope.gridFilter()).isNull();
		}
	}

}
