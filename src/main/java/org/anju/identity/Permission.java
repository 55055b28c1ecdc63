package org.anju.identity;

/**
 * What a role may do at all. Where it may do it is the {@link DataScope}'s business.
 */
public enum Permission {

	/** Read the registry of people (masked). */
	PEOPLE_READ,
	/** Register, edit, move and change the status of people. */
	PEOPLE_WRITE,
	/** See a full ID number or phone, with a reason, audited. */
	PEOPLE_UNMASK,
	/** Merge two records of one person. */
	PEOPLE_MERGE,
	/**
	 * Produce a person's own data report, unmasked, for the person who asked for it
	 * (PIPL).
	 */
	PEOPLE_REPORT,
	/** Import a roster. */
	PEOPLE_IMPORT,
	/** Export a list of people. */
	PEOPLE_EXPORT,
	/** Read the places tree. */
	PLACES_READ,
	/** Create, rename and delete buildings, units and rooms. */
	PLACES_WRITE,
	/** Create, rename and delete areas and grids. */
	PLACES_STRUCTURE,
	/** Edit reference data such as interest groups. */
	REFERENCE_DATA,
	/** Manage accounts. */
	USERS_MANAGE,
	/** Read the audit trail. */
	AUDIT_READ,
	/** Back the whole database up: it holds every community's data, unmasked. */
	SYSTEM_BACKUP,
	/**
	 * See appeals within the caller's reach: their department, their grids or the whole
	 * community.
	 */
	APPEALS_READ,
	/** Take in an appeal at the counter, on the phone, on a visit. */
	APPEALS_INTAKE,
	/**
	 * Handle an appeal given to one's department or oneself: accept, note, resolve,
	 * return, ask for time.
	 */
	APPEALS_HANDLE,
	/**
	 * Dispatch: assign and transfer appeals to any department, and call residents back.
	 */
	APPEALS_DISPATCH,
	/** Supervise (督办): urge, and decide on extensions. */
	APPEALS_SUPERVISE,
	/**
	 * See the stability work within the caller's scope: conflict cases, mood notes and
	 * screening rounds.
	 */
	STABILITY_READ,
	/**
	 * Do the stability work: register and act on conflict cases, file mood notes and
	 * screening reports.
	 */
	STABILITY_WORK,
	/** Write questionnaires and open survey campaigns. */
	SURVEYS_MANAGE,
	/**
	 * Publish, change and withdraw outage notices (a grid worker only for their own
	 * grids).
	 */
	NOTICES_MANAGE,
	/** See the organisation's units and posts, the responsibility matrix and its gaps. */
	DUTY_READ,
	/**
	 * Change units, posts and their holders, and name people in the responsibility
	 * matrix.
	 */
	DUTY_MANAGE,
	/** Change the risk model's weights and thresholds, and run a full risk recompute. */
	RISK_MODEL,
	/** See the contingency plans (预案), and the incidents and drills run from them. */
	PLANS_READ,
	/** Write plans and approve their versions (社区领导). */
	PLANS_MANAGE,
	/**
	 * Activate a plan as an incident or a drill, and run any incident: tick tasks, file
	 * reports, close it with a review. A role holder ticks their own tasks without it.
	 */
	INCIDENTS_RUN,
	/**
	 * See the whole community's figures: the leader dashboard and the monthly reports,
	 * and generate a report on demand.
	 */
	REPORTS_READ,
	/** Read responsibility letters: leaders all, other staff those of their posts. */
	LETTERS_READ,
	/** Create, cascade, revise and close responsibility letters. */
	LETTERS_MANAGE

}
