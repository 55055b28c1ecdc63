package org.anju.plans;

import java.util.List;

/**
 * Drills (演练) per plan in one calendar year, with the real incidents beside them.
 */
public record DrillStatistics(int year, List<PlanDrills> items, int totalDrills) {

	/**
	 * One plan's count.
	 */
	public record PlanDrills(long planId, String name, int drills, int incidents) {
	}

}
