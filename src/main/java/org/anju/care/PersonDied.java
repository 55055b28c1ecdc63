package org.anju.care;

import java.time.LocalDate;

import org.anju.shared.CommunityId;

/**
 * A death was registered: the person is {@code DECEASED} from {@code diedOn}, so that
 * modules holding open work about them (visits, stability) can close or reassign it.
 */
public record PersonDied(CommunityId community, long personId, long deathId, LocalDate diedOn) {
}
