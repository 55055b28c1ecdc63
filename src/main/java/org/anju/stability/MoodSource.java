package org.anju.stability;

/**
 * Where a mood note was picked up.
 */
public enum MoodSource {

	/** 走访. */
	VISIT,
	/** 座谈会. */
	MEETING,
	/** 电话. */
	PHONE,
	/** 网络. */
	ONLINE,
	/** 其他. */
	OTHER

}
