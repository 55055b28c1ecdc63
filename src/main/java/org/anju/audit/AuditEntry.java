package org.anju.audit;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One row of the audit trail as the console and the API show it. Values in {@code detail}
 * were masked before they were recorded.
 */
public record AuditEntry(long id, Instant at, String actor, @Nullable String actorIp, String action,
		@Nullable String subjectType, @Nullable String subjectId, Map<String, Object> detail, boolean sealed) {
}
