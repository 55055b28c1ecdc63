package org.anju.stability;

/**
 * How a person or group feels, as the staff member who noted it judged.
 */
public enum Mood {

	/** 稳定. */
	CALM,
	/** 关注: worth watching. */
	CONCERNED,
	/** 不满. */
	DISSATISFIED,
	/** 激烈. */
	AGITATED

}
