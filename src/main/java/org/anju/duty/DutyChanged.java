package org.anju.duty;

import org.anju.shared.CommunityId;

/**
 * A unit, post or responsibility changed, so the coverage check runs again.
 */
public record DutyChanged(CommunityId community) {
}
