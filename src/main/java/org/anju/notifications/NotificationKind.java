package org.anju.notifications;

/**
 * What happened that the recipient should hear of.
 */
public enum NotificationKind {

	/** 分派: the appeal was given to the recipient or their department. */
	ASSIGNED,
	/** 转派: the appeal was transferred to the recipient's department. */
	TRANSFERRED,
	/** 退回: a handler returned the appeal to the dispatch queue. */
	RETURNED,
	/** 重新办理: the appeal came back, reopened or after a dissatisfied callback. */
	REOPENED,
	/** 督办: a leader urged the handler. */
	URGED,
	/** 临期: the warning point passed. */
	NEARLY_DUE,
	/** 超期: the due time passed. */
	OVERDUE,
	/** 排查待报: the screening round's deadline is today and the grid has not reported. */
	SCREENING_DUE,
	/** 排查逾期: a grid missed the screening round's deadline. */
	SCREENING_LATE,
	/** 重点人员未按期联系: a key person's contact due day passed without a contact. */
	KEY_PERSON_CONTACT_MISSED,
	/**
	 * 责任缺口: the coverage check found a subject without a responsible person, or an empty
	 * post.
	 */
	COVERAGE_GAP,
	/** 预警: a warning was raised, or rose to a higher level. */
	WARNING_RAISED,
	/** 预警超时未签收: a warning was not acknowledged in time. */
	WARNING_ACK_OVERDUE,
	/**
	 * 预案任务超时: a task of an incident the recipient holds a role in passed its time target.
	 */
	PLAN_TASK_OVERDUE,
	/** 报送超时: an information report of an incident passed its deadline unfiled. */
	PLAN_REPORT_OVERDUE,
	/**
	 * 走访任务: a visit list was generated and people on it were assigned to the recipient.
	 */
	VISIT_LIST_ASSIGNED

}
