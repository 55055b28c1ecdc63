package org.anju.stability;

/**
 * One named, documented warning sign that the engine weighs. A signal measures, in one
 * set-based query, a value for every subject of a run it has anything to say about, with
 * the records behind each value. Adding a sign is adding one {@code @Component} that
 * implements this: its weight comes from the risk model, or {@link #defaultWeight()}
 * until the model names it.
 */
interface Signal {

	/**
	 * @return the signal's UPPER_SNAKE code: its key in the risk model and in every
	 * breakdown
	 */
	String code();

	/**
	 * @return the points per unit of value when the current risk model does not name this
	 * signal
	 */
	double defaultWeight();

	/**
	 * Adds this signal's values to the run, for the subjects the run asks about.
	 */
	void measure(RiskRun run);

	/**
	 * @return whether a value of this signal on an interest group is a
	 * collective-incident early sign (群体性苗头), which raises the group to at least
	 * {@link WarningLevel#ORANGE} straight away
	 */
	default boolean collective() {
		return false;
	}

}
