package org.anju.shared;

/**
 * The tenant: one enterprise community. Every row of every domain table belongs to one.
 */
public record CommunityId(long value) {

	public CommunityId {
		if (value <= 0) {
			throw new IllegalArgumentException("community id must be positive");
		}
	}

	public static CommunityId of(long value) {
		return new CommunityId(value);
	}

}
