package org.anju.people;

import java.time.LocalDate;

import org.anju.shared.CommunityId;

/**
 * A person's status became {@code DECEASED}, from {@code diedOn}: modules that hold open
 * work about them close it or hand it on. Their records stay.
 */
public record PersonDeceased(CommunityId community, long personId, LocalDate diedOn) {
}
