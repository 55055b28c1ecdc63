package org.anju.appeals;

import java.util.Objects;

import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.identity.Role;
import org.anju.platform.SqlFilter;

/**
 * Who reaches which appeals. Leaders, administrators and the general office (综合办, which
 * dispatches) see them all; department staff see what is routed to their department,
 * given to them or taken in by them; a grid worker sees the appeals of their grids and
 * their own; a resident their own.
 */
final class AppealReach {

	private AppealReach() {
	}

	static boolean dispatches(CurrentUser user) {
		return user.may(Permission.APPEALS_DISPATCH)
				|| (user.role() == Role.DEPARTMENT_STAFF && Routing.DISPATCH_DEPARTMENT.equals(user.departmentCode()));
	}

	static boolean sees(CurrentUser user, AppealRow appeal) {
		if (user.role() == Role.RESIDENT) {
			return appeal.personId() != null && appeal.personId().equals(user.personId());
		}
		if (!user.may(Permission.APPEALS_READ)) {
			return false;
		}
		if (user.role() == Role.ADMIN || user.role() == Role.LEADER || dispatches(user)) {
			return true;
		}
		if (handles(user, appeal) || appeal.createdBy().equals(user.username())) {
			return true;
		}
		return user.role() == Role.GRID_WORKER && appeal.gridId() != null && user.gridIds().contains(appeal.gridId());
	}

	/**
	 * @return whether the appeal is given to the user's department or to the user
	 */
	static boolean handles(CurrentUser user, AppealRow appeal) {
		return (appeal.departmentCode() != null && appeal.departmentCode().equals(user.departmentCode()))
				|| Objects.equals(appeal.assigneeId(), user.userId());
	}

	/**
	 * A confidential complaint hides the complainant from the people who handle cases
	 * below the leadership: department staff outside the general office, and grid
	 * workers.
	 */
	static boolean hidesComplainant(CurrentUser user) {
		return (user.role() == Role.DEPARTMENT_STAFF && !dispatches(user)) || user.role() == Role.GRID_WORKER;
	}

	/**
	 * Narrows a list query to what the user reaches.
	 */
	static void restrict(SqlFilter sql, CurrentUser user) {
		if (user.role() == Role.RESIDENT) {
			sql.and("a.person_id = :reachPerson")
				.param("reachPerson", (user.personId() != null) ? user.personId() : -1L);
			return;
		}
		if (dispatches(user) || user.role() == Role.ADMIN || user.role() == Role.LEADER) {
			return;
		}
		StringBuilder reach = new StringBuilder("(a.assignee_id = :reachUser or a.created_by = :reachName");
		sql.param("reachUser", user.userId()).param("reachName", user.username());
		if (user.departmentCode() != null) {
			reach.append(" or a.department_code = :reachDepartment");
			sql.param("reachDepartment", user.departmentCode());
		}
		if (user.role() == Role.GRID_WORKER && !user.gridIds().isEmpty()) {
			reach.append(" or a.grid_id = any(:reachGrids)");
			sql.param("reachGrids", user.gridIds().toArray(Long[]::new));
		}
		sql.and(reach.append(")").toString());
	}

}
