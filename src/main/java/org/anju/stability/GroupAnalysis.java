package org.anju.stability;

import java.util.List;
import java.util.Map;

/**
 * An interest group month by month, the material of the monthly thinking-dynamics
 * meeting: mood notes about the group and its members by mood, its appeals and its
 * conflict cases side by side, the topics and tags heard most, and its open cases. A grid
 * worker's analysis counts only their grids.
 *
 * @param from the first month, {@code 2026-06}
 * @param to the last month, {@code 2026-11}
 * @param appealCategories the categories of its appeals in the period, the most first
 * @param openCases its cases not yet resolved or handed over, the nearest due day first
 */
public record GroupAnalysis(String groupCode, String from, String to, List<Month> months, List<Count> topTopics,
		List<Count> topTags, List<Count> appealCategories, List<ConflictCaseView> openCases) {

	/**
	 * One month: how many notes, by mood, and how many appeals received and cases
	 * registered.
	 */
	public record Month(String month, long notes, Map<Mood, Long> moods, long appeals, long cases) {
	}

	/**
	 * A topic, tag or category code and how often it came up.
	 */
	public record Count(String key, long count) {
	}

}
