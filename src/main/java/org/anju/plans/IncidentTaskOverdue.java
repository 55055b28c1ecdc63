package org.anju.plans;

import java.time.Instant;
import java.util.List;

import org.anju.shared.CommunityId;

/**
 * A task of an incident passed its time target undone; it fires once per task.
 *
 * @param recipients the holder of the task's role and the commander, without repeats
 * @param planName the plan's Chinese name
 */
public record IncidentTaskOverdue(CommunityId community, long incidentId, long taskId, String planName, String title,
		Instant dueAt, boolean drill, List<Long> recipients) {

}
