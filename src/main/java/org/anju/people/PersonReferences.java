package org.anju.people;

import org.anju.shared.CommunityId;

/**
 * Modules that keep references to people implement this, so that a merge repoints them in
 * the same transaction.
 */
public interface PersonReferences {

	void repoint(CommunityId community, long fromPersonId, long toPersonId);

}
