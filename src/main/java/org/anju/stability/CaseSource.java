package org.anju.stability;

/**
 * Where a conflict case was found.
 */
public enum CaseSource {

	/** A grid's finding in a screening round. */
	SCREENING,
	/** An appeal escalated into a case; the two stay linked. */
	APPEAL,
	/** A care visit. */
	CARE_VISIT,
	/** A report: a phone call, a tip, a staff member's own observation. */
	REPORT

}
