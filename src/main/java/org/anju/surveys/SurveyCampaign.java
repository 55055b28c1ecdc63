package org.anju.surveys;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A campaign with its response rate, overall and per stratum. For a grid worker the
 * counts cover only the sampled people of their grids.
 */
public record SurveyCampaign(long id, long surveyId, int surveyVersion, ServiceLine serviceLine, String serviceLineName,
		String title, long seed, int sampleSize, @Nullable Long areaId, @Nullable String groupCode, LocalDate opensOn,
		LocalDate closesOn, boolean open, int sampled, int responded, double responseRate, List<Stratum> strata,
		long version) {

	/**
	 * One stratum ({@code areaId:groupCode}) of the draw and how many of it answered.
	 */
	public record Stratum(String key, int sampled, int responded) {
	}

}
