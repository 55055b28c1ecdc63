package org.anju.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What to look for in the audit trail; every part is optional.
 */
public record AuditFilter(@Nullable String actor, @Nullable String action, @Nullable String subjectType,
		@Nullable String subjectId, @Nullable Instant from, @Nullable Instant to) {

	public static AuditFilter everything() {
		return new AuditFilter(null, null, null, null, null, null);
	}

}
