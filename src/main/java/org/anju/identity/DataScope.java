package org.anju.identity;

import java.io.Serializable;
import java.util.Set;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

/**
 * Where a caller may look and act, as a value that each module applies in its own
 * queries. A grid worker is bound to their grids; a resident to their own person;
 * everyone else sees the whole community.
 */
public record DataScope(long communityId, Role role, Set<Long> gridIds, @Nullable String departmentCode,
		@Nullable Long personId) implements Serializable {

	public DataScope {
		gridIds = Set.copyOf(gridIds);
	}

	public CommunityId community() {
		return new CommunityId(this.communityId);
	}

	/**
	 * @return whether the caller sees every grid of the community
	 */
	public boolean wholeCommunity() {
		return this.role != Role.GRID_WORKER && this.role != Role.RESIDENT;
	}

	/**
	 * @return whether something that lies in {@code gridId} (null: above any grid, such
	 * as an area) is within reach
	 */
	public boolean covers(@Nullable Long gridId) {
		if (wholeCommunity()) {
			return true;
		}
		return gridId != null && this.gridIds.contains(gridId);
	}

	/**
	 * @return the grids to restrict a query to, or {@code null} for no restriction; an
	 * empty array for a resident, who sees no one else
	 */
	public Long @Nullable [] gridFilter() {
		return wholeCommunity() ? null : this.gridIds.toArray(Long[]::new);
	}

}
