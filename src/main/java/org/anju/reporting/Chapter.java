package org.anju.reporting;

/**
 * The chapters of the monthly report; each dashboard section belongs to one.
 */
enum Chapter {

	/** 服务: the service loop of appeals, satisfaction. */
	SERVICE,
	/** 稳定: conflict cases, screening, warnings. */
	STABILITY,
	/** 关爱: care visits and retiree services. */
	CARE,
	/** 责任: the responsibility system and its letters. */
	RESPONSIBILITY

}
