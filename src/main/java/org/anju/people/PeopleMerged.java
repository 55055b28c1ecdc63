package org.anju.people;

import org.anju.shared.CommunityId;

/**
 * Two records of one person became one: everything that pointed at {@code mergedId} now
 * points at {@code keptId}.
 */
public record PeopleMerged(CommunityId community, long keptId, long mergedId) {
}
