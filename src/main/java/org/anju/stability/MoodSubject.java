package org.anju.stability;

/**
 * Whom a mood note is about.
 */
public enum MoodSubject {

	/** A registered person. */
	PERSON,
	/** An interest group as a whole. */
	GROUP

}
