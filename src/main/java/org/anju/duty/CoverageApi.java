package org.anju.duty;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.identity.CurrentUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The coverage check's result over HTTP.
 */
@RestController
@Tag(name = "coverage", description = "Gaps in the responsibility system (横向到边,纵向到底)")
@PreAuthorize("hasAuthority('DUTY_READ')")
class CoverageApi {

	private final Coverage coverage;

	CoverageApi(Coverage coverage) {
		this.coverage = coverage;
	}

	@GetMapping("/api/v1/coverage")
	@Operation(summary = "The last check's percentage and its open gaps",
			description = "{\"percent\",\"gaps\":[{\"subjectType\",\"subjectId\",\"level\",\"reason\"}]}. percent is "
					+ "covered out of required, counting every matrix cell (areas, grids, buildings, groups, open "
					+ "conflict cases, key persons, warnings not closed), every post, and every plan role or plan's "
					+ "contacts that name someone. reason is NO_RESPONSIBLE, HOLDER_DISABLED, POST_EMPTY (subjectType "
					+ "POST, level HOLDER; or a PLAN role naming an empty post) or POST_GONE (a PLAN role naming a "
					+ "deleted post); a PLAN gap's level is the command role or CONTACT. subjectId is a number, or an "
					+ "interest group's code. A grid worker sees the gaps of their grids.")
	Answer coverage(@AuthenticationPrincipal CurrentUser user) {
		CoverageReport report = this.coverage.report(user);
		return new Answer(report.percent(),
				report.gaps()
					.stream()
					.map((gap) -> new GapView(gap.subjectType(), gap.subjectId(), gap.level(), gap.reason()))
					.toList());
	}

	record Answer(double percent, List<GapView> gaps) {
	}

	record GapView(String subjectType, Object subjectId, String level, String reason) {
	}

}
