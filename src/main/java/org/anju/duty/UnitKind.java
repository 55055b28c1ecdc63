package org.anju.duty;

/**
 * What a unit of the organisation is: one of the four bodies that share the work (党政工团),
 * a service department, a unit added by hand, or an area or grid of the places tree.
 */
enum UnitKind {

	/** 党委. */
	PARTY_COMMITTEE,
	/** 行政. */
	ADMINISTRATION,
	/** 工会. */
	TRADE_UNION,
	/** 团委. */
	YOUTH_LEAGUE,
	/** A service department, named by its code. */
	DEPARTMENT,
	/** An office or team added by hand under another stored unit. */
	OFFICE,
	/** 片区, read from the places tree. */
	AREA,
	/** 网格, read from the places tree. */
	GRID;

	/**
	 * @return whether the unit lives in the places tree and is changed there
	 */
	boolean place() {
		return this == AREA || this == GRID;
	}

}
