package org.anju.surveys;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A questionnaire of a service line with its versions, the newest first. {@code version}
 * is the resource's version for If-Match, not a questionnaire version.
 */
public record Survey(long id, ServiceLine serviceLine, String serviceLineName, int latestVersion,
		@Nullable Integer publishedVersion, long version, List<SurveyVersion> versions) {

	/**
	 * @return the newest version, draft or published
	 */
	public SurveyVersion latest() {
		return this.versions.get(0);
	}

}
