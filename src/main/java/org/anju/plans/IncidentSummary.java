package org.anju.plans;

import java.time.Instant;

/**
 * An incident in a list.
 */
public record IncidentSummary(long id, long planId, String planName, String level, boolean drill, String state,
		Instant activatedAt, int openTasks, int overdueTasks) {

}
