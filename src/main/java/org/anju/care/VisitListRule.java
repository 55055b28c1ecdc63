package org.anju.care;

import java.time.LocalDate;
import java.time.temporal.JulianFields;

import com.ibm.icu.util.ChineseCalendar;
import org.jspecify.annotations.Nullable;

/**
 * A rule that makes a care-visit list (走访慰问名单). The three festivals fall on a day of the
 * Chinese lunar calendar, computed by ICU4J's {@link ChineseCalendar}; their list's
 * period is that one day. The other rules take a period of days.
 */
public enum VisitListRule {

	/** 春节: the first day of the first lunar month. */
	SPRING_FESTIVAL(1, 1),
	/** 重阳节, the seniors' day: the ninth day of the ninth lunar month. */
	DOUBLE_NINTH(9, 9),
	/** 中秋: the fifteenth day of the eighth lunar month. */
	MID_AUTUMN(8, 15),
	/** 逢十生日: people who turn 80, 90 or 100 within the period. */
	ROUND_BIRTHDAY,
	/** 病患/住院: people on the illness list. */
	ILLNESS,
	/** 丧亲: the household of a person who died within the period. */
	BEREAVEMENT,
	/** 独居/空巢: people living alone or in an empty nest. */
	LIVING_ALONE,
	/** 困难: people on the hardship list. */
	HARDSHIP,
	/** 重点人员: key persons whose contact plan wants them seen within the period. */
	KEY_PERSON;

	private final int lunarMonth;

	private final int lunarDay;

	VisitListRule(int lunarMonth, int lunarDay) {
		this.lunarMonth = lunarMonth;
		this.lunarDay = lunarDay;
	}

	VisitListRule() {
		this(0, 0);
	}

	/**
	 * @return whether the rule is a festival, whose list is made for a year
	 */
	public boolean festival() {
		return this.lunarMonth > 0;
	}

	/**
	 * The festival's day in a Gregorian year, in China's lunar calendar (not a leap
	 * month).
	 * @return the day, or {@literal null} when the rule is not a festival
	 */
	public @Nullable LocalDate dayIn(int year) {
		if (!festival()) {
			return null;
		}
		// the lunar year that holds 1 July began at the Spring Festival of the same
		// Gregorian year, and its eighth and ninth months fall in that year too
		ChineseCalendar lunar = new ChineseCalendar();
		lunar.setTimeInMillis(0);
		lunar.set(ChineseCalendar.JULIAN_DAY, (int) LocalDate.of(year, 7, 1).getLong(JulianFields.JULIAN_DAY));
		int lunarYear = lunar.get(ChineseCalendar.EXTENDED_YEAR);
		lunar.clear();
		lunar.set(ChineseCalendar.EXTENDED_YEAR, lunarYear);
		lunar.set(ChineseCalendar.MONTH, this.lunarMonth - 1);
		lunar.set(ChineseCalendar.IS_LEAP_MONTH, 0);
		lunar.set(ChineseCalendar.DAY_OF_MONTH, this.lunarDay);
		return LocalDate.MIN.with(JulianFields.JULIAN_DAY, lunar.get(ChineseCalendar.JULIAN_DAY));
	}

}
