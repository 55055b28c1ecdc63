package org.anju.plans;

/**
 * A command role of a plan and of the incidents run from it.
 */
public enum PlanRole {

	/** 总指挥. */
	COMMANDER,
	/** 现场处置. */
	ON_SITE,
	/** 信息报送. */
	REPORTING,
	/** 后勤保障. */
	LOGISTICS,
	/** 医疗. */
	MEDICAL,
	/** 宣传. */
	COMMUNICATION

}
