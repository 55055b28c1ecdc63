package org.anju.stability;

/**
 * What makes a date sensitive (敏感日期).
 */
public enum SensitiveDateKind {

	/** 政策调整: a policy change such as the yearly pension adjustment. */
	POLICY,
	/** 纪念日: an anniversary. */
	ANNIVERSARY,
	/** 重大活动: a big event. */
	EVENT

}
