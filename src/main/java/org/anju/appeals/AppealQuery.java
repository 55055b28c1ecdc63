package org.anju.appeals;

import org.jspecify.annotations.Nullable;

/**
 * A work queue or ledger filter. Every part is optional; {@code mine} narrows to the
 * appeals given to the caller personally.
 */
public record AppealQuery(@Nullable AppealState state, @Nullable String categoryCode, @Nullable String departmentCode,
		@Nullable AppealFlag flag, @Nullable Boolean overdue, @Nullable Long areaId, @Nullable Long gridId,
		@Nullable String group, boolean mine, boolean open) {
}
