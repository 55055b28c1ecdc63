package org.anju.plans;

import java.time.Instant;
import java.util.List;

import org.anju.shared.CommunityId;

/**
 * An information report of an incident passed its deadline unfiled; it fires once per
 * report.
 *
 * @param kind {@code FIRST}, {@code FOLLOW_UP} or {@code FINAL}
 * @param title the report's Chinese name (首报, 续报, 终报)
 * @param recipients the holder of the reporting role and the commander, without repeats
 */
public record IncidentReportOverdue(CommunityId community, long incidentId, long reportId, String planName, String kind,
		String title, Instant dueAt, boolean drill, List<Long> recipients) {

}
