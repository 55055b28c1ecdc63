package org.anju.people;

import org.anju.shared.CommunityId;

/**
 * A person was entered into the registry, by hand or by a roster import.
 */
public record PersonRegistered(CommunityId community, long personId) {
}
