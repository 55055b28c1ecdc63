package org.anju.appeals;

/**
 * The warning signs an appeal carries. They show in lists and feed the stability work.
 */
public enum AppealFlag {

	/** 重复访: the same person on the same matter again. */
	REPEAT,
	/**
	 * 集体访: five or more people, or five or more appeals of one interest group on one
	 * matter in a week.
	 */
	COLLECTIVE,
	/** 越级访: went over the community's head, or was referred down from above. */
	ESCALATED,
	/** 联名: signed by several registered people. */
	JOINT,
	/** 临期: past its warning point. */
	NEARLY_DUE,
	/** 超期: past its due time. */
	OVERDUE,
	/** Reopened after a dissatisfied callback or by hand. */
	REOPENED,
	/** The complainant's identity is hidden from the department complained about. */
	CONFIDENTIAL

}
