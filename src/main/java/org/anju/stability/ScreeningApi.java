package org.anju.stability;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.identity.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Screening rounds (排查) over HTTP: the rounds, one round with each grid's report, and a
 * grid's report.
 */
@RestController
@RequestMapping("/api/v1/screening-rounds")
@Tag(name = "screening-rounds", description = "Screening rounds (排查) with zero reports (零报告)")
class ScreeningApi {

	private final ScreeningRounds rounds;

	ScreeningApi(ScreeningRounds rounds) {
		this.rounds = rounds;
	}

	@GetMapping
	@Operation(summary = "The rounds, the latest first, with counts over the grids the caller reaches",
			description = "Items leave out the grids; get one round for them.")
	ScreeningRoundPage list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") int size) {
		return this.rounds.list(user, cursor, size);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One round with each grid's report: the completeness board")
	ScreeningRound get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return this.rounds.get(user, id);
	}

	@PostMapping("/{id}/reports")
	@Operation(summary = "File a grid's report",
			description = "{\"gridId\", \"zeroReport\": true} or {\"gridId\", \"findings\": [{\"kind\": \"CONFLICT\", "
					+ "...the fields of POST /api/v1/conflicts}, {\"kind\": \"MOOD\", ...the fields of POST "
					+ "/api/v1/mood-notes}]}. A finding's grid is the report's. All or nothing; a grid reports once.")
	ScreeningRound report(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody ReportBody body) {
		return this.rounds.report(user, id, body.toReport());
	}

	record ReportBody(@Nullable Long gridId, @Nullable Boolean zeroReport, @Nullable List<FindingBody> findings) {

		ScreeningReport toReport() {
			return new ScreeningReport(this.gridId, Boolean.TRUE.equals(this.zeroReport),
					(this.findings != null) ? this.findings.stream().map(FindingBody::toFinding).toList() : List.of());
		}

	}

	/**
	 * A finding: the fields of a conflict case or of a mood note, told apart by
	 * {@code kind}. {@code source} is the mood note's; a case found in screening has the
	 * source {@code SCREENING}.
	 */
	record FindingBody(@Nullable String kind, @Nullable String type, @Nullable String title,
			@Nullable String description, @Nullable String level, @Nullable List<Long> partyPersonIds,
			@Nullable List<String> partyGroupCodes, @Nullable Integer peopleCount, @Nullable Long ownerLeaderId,
			@Nullable String responsibleUnitCode, @Nullable Long gridWorkerId, @Nullable Long gridId,
			@Nullable Long sourceAppealId, @Nullable String subjectType, @Nullable Long personId,
			@Nullable String groupCode, @Nullable String date, @Nullable String source, @Nullable String mood,
			@Nullable List<String> topics, @Nullable List<String> tags, @Nullable String summary) {

		ScreeningReport.Finding toFinding() {
			if ("CONFLICT".equals(this.kind)) {
				return new ScreeningReport.Finding(this.kind,
						new NewConflictCase(this.type, this.title, this.description, this.level,
								(this.partyPersonIds != null) ? this.partyPersonIds : List.of(),
								(this.partyGroupCodes != null) ? this.partyGroupCodes : List.of(), this.peopleCount,
								this.ownerLeaderId, this.responsibleUnitCode, this.gridWorkerId, this.gridId, null,
								this.sourceAppealId),
						null);
			}
			if ("MOOD".equals(this.kind)) {
				return new ScreeningReport.Finding(this.kind, null,
						new NewMoodNote(this.subjectType, this.personId, this.groupCode, this.gridId, this.date,
								this.source, this.mood, (this.topics != null) ? this.topics : List.of(),
								(this.tags != null) ? this.tags : List.of(), this.summary));
			}
			return new ScreeningReport.Finding(this.kind, null, null);
		}

	}

}
