package org.anju.stability;

/**
 * A warning is open until someone acknowledges it, and acknowledged until it is closed
 * with a disposition.
 */
public enum WarningState {

	OPEN, ACKNOWLEDGED, CLOSED

}
