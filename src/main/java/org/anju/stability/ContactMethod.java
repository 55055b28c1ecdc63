package org.anju.stability;

/**
 * How a key person was contacted. Each maps to the source of a mood note filed with the
 * contact.
 */
public enum ContactMethod {

	/** 走访. */
	VISIT(MoodSource.VISIT),
	/** 电话. */
	PHONE(MoodSource.PHONE),
	/** 约谈、座谈. */
	MEETING(MoodSource.MEETING),
	/** 其他. */
	OTHER(MoodSource.OTHER);

	private final MoodSource source;

	ContactMethod(MoodSource source) {
		this.source = source;
	}

	MoodSource moodSource() {
		return this.source;
	}

}
