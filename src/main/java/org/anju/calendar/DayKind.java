package org.anju.calendar;

/**
 * What the calendar says about a day that it names.
 */
public enum DayKind {

	/** A day off (放假), even when it falls on a weekday. */
	HOLIDAY,
	/** A Saturday or Sunday worked in exchange for a day off (调休上班). */
	MAKEUP_WORKDAY

}
