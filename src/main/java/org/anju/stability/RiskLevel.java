package org.anju.stability;

/**
 * How much a conflict threatens stability; it sets the case's time limit.
 */
public enum RiskLevel {

	/** 一般. */
	ORDINARY,
	/** 较大. */
	SERIOUS,
	/** 重大. */
	MAJOR

}
