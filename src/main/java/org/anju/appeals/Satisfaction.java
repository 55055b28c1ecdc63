package org.anju.appeals;

/**
 * What the resident said at the callback (回访).
 */
public enum Satisfaction {

	VERY_SATISFIED, SATISFIED, BASICALLY_SATISFIED, DISSATISFIED;

	/**
	 * @return whether it counts towards the satisfaction rate (非常满意 + 满意 + 基本满意)
	 */
	public boolean satisfied() {
		return this != DISSATISFIED;
	}

}
