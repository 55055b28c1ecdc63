package org.anju.duty;

import org.anju.shared.CommunityId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coverage of the responsibility matrix as the last check left it, for the leader
 * dashboard and the monthly report, which answer to no caller's scope.
 */
@Service
@Transactional(readOnly = true)
public class CoverageFacts {

	private final Coverage coverage;

	CoverageFacts(Coverage coverage) {
		this.coverage = coverage;
	}

	/**
	 * @return the whole community's coverage: the percent covered and the open gaps
	 */
	public Figures of(CommunityId community) {
		CoverageReport report = this.coverage.stored(community, null);
		return new Figures(report.percent(), report.required(), report.covered(), report.gaps().size());
	}

	/**
	 * @param percent covered / required, 0 to 100, as the coverage page shows it
	 */
	public record Figures(double percent, int required, int covered, int gaps) {
	}

}
