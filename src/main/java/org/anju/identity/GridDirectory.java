package org.anju.identity;

import java.util.Collection;
import java.util.Set;

import org.anju.shared.CommunityId;

/**
 * Identity refers to grids only by ID. The module that owns places answers whether they
 * exist.
 */
public interface GridDirectory {

	/**
	 * @return those of {@code gridIds} that are grids of the community
	 */
	Set<Long> existingGrids(CommunityId community, Collection<Long> gridIds);

}
