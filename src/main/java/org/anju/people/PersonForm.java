package org.anju.people;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a person's record holds that staff type in. Gender and birth date are not here:
 * they come from the ID number.
 */
public record PersonForm(@Nullable String name, @Nullable String idNumber, @Nullable String phone,
		@Nullable Long roomId, List<String> groupCodes, @Nullable String householdRelation, @Nullable String formerUnit,
		@Nullable String notes) {
}
