package org.anju.appeals;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

/**
 * An appeal took a step: assigned, accepted, returned, transferred, urged, resolved,
 * called back, closed, reopened, or its clock warned (nearly-due, overdue). Listeners
 * such as notifications and the stability work pick the steps they care about.
 *
 * @param action the step's API name, such as {@code assign}, or the clock's
 * {@code nearly-due} and {@code overdue}; intake's automatic routing is an {@code assign}
 * carried by {@link AppealSubmitted#routing()}, not published on its own
 * @param version the appeal's version after the step: with the appeal it names this one
 * step, so that a listener that sees the event twice can tell
 */
public record AppealChanged(CommunityId community, long appealId, String action, AppealState state,
		@Nullable String departmentCode, @Nullable Long assigneeId, long version) {
}
