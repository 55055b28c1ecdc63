package org.anju.care;

/**
 * Why a care visit was made.
 */
public enum VisitReason {

	/** 节日慰问. */
	FESTIVAL,
	/** 生日. */
	BIRTHDAY,
	/** 病患/住院. */
	ILLNESS,
	/** 丧亲. */
	BEREAVEMENT,
	/** 独居/空巢. */
	LIVING_ALONE,
	/** 困难. */
	HARDSHIP,
	/** 重点人员. */
	KEY_PERSON,
	/** 其他. */
	OTHER;

	static VisitReason of(VisitListRule rule) {
		return switch (rule) {
			case SPRING_FESTIVAL, DOUBLE_NINTH, MID_AUTUMN -> FESTIVAL;
			case ROUND_BIRTHDAY -> BIRTHDAY;
			case ILLNESS -> ILLNESS;
			case BEREAVEMENT -> BEREAVEMENT;
			case LIVING_ALONE -> LIVING_ALONE;
			case HARDSHIP -> HARDSHIP;
			case KEY_PERSON -> KEY_PERSON;
		};
	}

}
