package org.anju.stability;

/**
 * A key person's grade (重点人员分级): A needs the closest attention. Each grade has a default
 * contact interval, which a community may change.
 */
public enum Grade {

	/** A 类: contacted weekly by default. */
	A(7),
	/** B 类: contacted monthly by default. */
	B(30),
	/** C 类: contacted quarterly by default. */
	C(91);

	private final int defaultDays;

	Grade(int defaultDays) {
		this.defaultDays = defaultDays;
	}

	/**
	 * @return the days between contacts when the community has not set its own
	 */
	public int defaultDays() {
		return this.defaultDays;
	}

}
