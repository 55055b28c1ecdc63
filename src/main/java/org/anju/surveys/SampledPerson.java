package org.anju.surveys;

import org.jspecify.annotations.Nullable;

/**
 * A person drawn for a campaign, and whether they answered.
 */
public record SampledPerson(long personId, String personName, String stratum, @Nullable Long areaId,
		@Nullable Long gridId, boolean responded) {
}
