package org.anju.identity;

import java.util.EnumSet;
import java.util.Set;

import static org.anju.identity.Permission.*;

/**
 * An account's role. Posts such as area head or dispatcher are not roles: they are
 * positions in the organisation tree.
 */
public enum Role {

	/** 系统管理员: everything, plus users and settings. */
	ADMIN(EnumSet.allOf(Permission.class)),
	/** 社区领导: the whole community, all reports. */
	LEADER(EnumSet.of(PEOPLE_READ, PEOPLE_UNMASK, PEOPLE_EXPORT, PLACES_READ, AUDIT_READ, APPEALS_READ,
			APPEALS_DISPATCH, APPEALS_SUPERVISE, STABILITY_READ, STABILITY_WORK, SURVEYS_MANAGE, NOTICES_MANAGE,
			DUTY_READ, DUTY_MANAGE, RISK_MODEL, PLANS_READ, PLANS_MANAGE, INCIDENTS_RUN, REPORTS_READ, LETTERS_READ,
			LETTERS_MANAGE)),
	/** 部门人员: the appeals of their department; may look people up. */
	DEPARTMENT_STAFF(EnumSet.of(PEOPLE_READ, PLACES_READ, APPEALS_READ, APPEALS_INTAKE, APPEALS_HANDLE, STABILITY_READ,
			STABILITY_WORK, SURVEYS_MANAGE, NOTICES_MANAGE, DUTY_READ, PLANS_READ, LETTERS_READ)),
	/** 网格员: the people and places of their own grids. */
	GRID_WORKER(EnumSet.of(PEOPLE_READ, PEOPLE_WRITE, PEOPLE_EXPORT, PLACES_READ, PLACES_WRITE, APPEALS_READ,
			APPEALS_INTAKE, APPEALS_HANDLE, STABILITY_READ, STABILITY_WORK, NOTICES_MANAGE, DUTY_READ, PLANS_READ,
			LETTERS_READ)),
	/** 居民: only their own appeals, notices and surveys. */
	RESIDENT(EnumSet.noneOf(Permission.class));

	private final Set<Permission> permissions;

	Role(Set<Permission> permissions) {
		this.permissions = permissions;
	}

	public Set<Permission> permissions() {
		return this.permissions;
	}

	public boolean may(Permission permission) {
		return this.permissions.contains(permission);
	}

}
