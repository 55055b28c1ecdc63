package org.anju.appeals;

/**
 * How an appeal came in.
 */
public enum Channel {

	/** 来访 at the counter. */
	WALK_IN,
	/** 来电 on the phone. */
	PHONE,
	/** 网上 through the resident portal. */
	WEB,
	/** 走访 found on a visit. */
	VISIT,
	/** 来信 by letter. */
	LETTER,
	/** 上级转办 referred by a higher authority. */
	REFERRAL,
	/** Through the Open311 API of an outside body. */
	OPEN311

}
