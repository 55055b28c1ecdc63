package org.anju.people;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

/**
 * A person moved to another room, and so perhaps to another grid.
 */
public record PersonMoved(CommunityId community, long personId, @Nullable Long fromGridId, @Nullable Long toGridId) {
}
