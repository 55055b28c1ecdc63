package org.anju.identity;

import java.util.Collection;
import java.util.Map;
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

	/**
	 * @return every grid of the community by ID, named with its area ("岳化片 一网格"), in the
	 * tree's order, for choosing a grid worker's grids
	 */
	Map<Long, String> gridNames(CommunityId community);

}
