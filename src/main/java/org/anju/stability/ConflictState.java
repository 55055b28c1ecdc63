package org.anju.stability;

/**
 * Where a conflict case stands: registered, being resolved, and then resolved, kept
 * stable or handed over to an outside body.
 */
public enum ConflictState {

	/** 登记. */
	REGISTERED,
	/** 化解中. */
	RESOLVING,
	/** 已化解. */
	RESOLVED,
	/** 稳控: not resolved, but under control. */
	STABILISED,
	/** 移交: handed over to a named outside body. */
	HANDED_OVER;

	/**
	 * @return whether the case still runs against its deadline
	 */
	public boolean open() {
		return this == REGISTERED || this == RESOLVING;
	}

}
