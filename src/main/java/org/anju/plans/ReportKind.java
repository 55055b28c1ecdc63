package org.anju.plans;

import java.time.Duration;

/**
 * The information reports of an incident (信息报送), each due some time after the incident
 * was activated, or for a follow-up after the one before it was filed.
 */
public enum ReportKind {

	/** 首报: within the hour. */
	FIRST(Duration.ofHours(1), "首报"),
	/** 续报: every four hours while the incident runs, until the final report. */
	FOLLOW_UP(Duration.ofHours(4), "续报"),
	/** 终报: within three days; an incident closes only after it. */
	FINAL(Duration.ofDays(3), "终报");

	private final Duration due;

	private final String nameZh;

	ReportKind(Duration due, String nameZh) {
		this.due = due;
		this.nameZh = nameZh;
	}

	Duration due() {
		return this.due;
	}

	/**
	 * @return the Chinese name, which an inbox entry keeps as its title
	 */
	String nameZh() {
		return this.nameZh;
	}

}
