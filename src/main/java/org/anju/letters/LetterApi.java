package org.anju.letters;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.identity.CurrentUser;
import org.anju.letters.LetterForm.TargetForm;
import org.anju.shared.IfMatch;
import org.anju.shared.Territory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Responsibility letters over HTTP. Reading needs LETTERS_READ, and staff below the
 * leaders get only the letters of their posts (another answers 404); signing is for the
 * recipient, which the service checks.
 */
@RestController
@RequestMapping("/api/v1/letters")
@Tag(name = "letters", description = "Responsibility letters (责任状): targets, signatures, live scores")
@PreAuthorize("hasAuthority('LETTERS_READ')")
class LetterApi {

	private final Letters letters;

	private final Scoreboard scoreboard;

	private final MessageSource messages;

	LetterApi(Letters letters, Scoreboard scoreboard, MessageSource messages) {
		this.letters = letters;
		this.scoreboard = scoreboard;
		this.messages = messages;
	}

	@GetMapping
	@Operation(summary = "The letters the caller may see", description = "?year= the year their periods start in")
	Items list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year) {
		return new Items(this.letters.list(user, year).stream().map(LetterApi::view).toList());
	}

	@PostMapping
	@PreAuthorize("hasAuthority('LETTERS_MANAGE')")
	@Operation(summary = "Create a letter from a unit to a unit below it or a post",
			description = "Body {\"title\",\"issuerUnitId\",\"recipientUnitId\",\"recipientPostId\"?,\"year\"? or "
					+ "\"from\",\"to\", \"targets\":[{\"metric\",\"kind\":SCORED|BONUS|VETO,\"threshold\",\"points\","
					+ "\"deduction\"}]}")
	ResponseEntity<LetterView> create(@AuthenticationPrincipal CurrentUser user, @RequestBody LetterForm body) {
		Letter letter = this.letters.create(user, body);
		return ResponseEntity.created(URI.create("/api/v1/letters/" + letter.id()))
			.eTag(IfMatch.etag(letter.version()))
			.body(view(letter));
	}

	@GetMapping("/{id}")
	ResponseEntity<LetterView> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		Letter letter = this.letters.get(user, id);
		return ResponseEntity.ok().eTag(IfMatch.etag(letter.version())).body(view(letter));
	}

	@PostMapping("/{id}/versions")
	@PreAuthorize("hasAuthority('LETTERS_MANAGE')")
	@Operation(summary = "Change the targets",
			description = "A draft changes in place; a signed version is kept and the change makes the next version. "
					+ "Needs If-Match. Body {\"note\"?,\"targets\":[...]}")
	ResponseEntity<LetterView> revise(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, @RequestBody Revision body) {
		Letter letter = this.letters.revise(user, id, IfMatch.parse(ifMatch).version(), body.note(), body.targets());
		return ResponseEntity.ok().eTag(IfMatch.etag(letter.version())).body(view(letter));
	}

	@PostMapping("/{id}/sign")
	@Operation(summary = "Sign the latest version as the recipient",
			description = "Body {\"version\"}: the version number the signer read. The post's holder signs a letter "
					+ "to a post, a holder of one of the unit's posts a letter to a unit.")
	ResponseEntity<LetterView> sign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody Signature body) {
		Letter letter = this.letters.sign(user, id, body.version());
		return ResponseEntity.ok().eTag(IfMatch.etag(letter.version())).body(view(letter));
	}

	@PostMapping("/{id}/cascade")
	@PreAuthorize("hasAuthority('LETTERS_MANAGE')")
	@Operation(summary = "Create draft letters to the units directly below the recipient, targets copied")
	Items cascade(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return new Items(this.letters.cascade(user, id).stream().map(LetterApi::view).toList());
	}

	@GetMapping("/{id}/score")
	@Operation(summary = "The assessment, live until the period's close",
			description = "Every target with its figure, whether it is met, its misses, its points and the rows "
					+ "behind it (links to the console pages)")
	ScoreView score(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale) {
		return view(this.letters.score(user, id), locale);
	}

	@PostMapping("/{id}/close")
	@PreAuthorize("hasAuthority('LETTERS_MANAGE')")
	@Operation(summary = "Close the period: freeze the assessment", description = "Needs If-Match")
	ScoreView close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, Locale locale) {
		return view(this.letters.close(user, id, IfMatch.parse(ifMatch).version()), locale);
	}

	@PostMapping("/close")
	@PreAuthorize("hasAuthority('LETTERS_MANAGE')")
	@Operation(summary = "Close a whole period: freeze every letter of the year that can be closed",
			description = "Body {\"year\"}: the year the letters' periods start in. Closes, in one transaction and "
					+ "each audited, every letter whose period has ended, signed and not closed yet; answers "
					+ "{\"year\",\"closed\":[{\"id\",\"title\",\"recipient\",\"total\",\"max\",\"vetoed\"}],"
					+ "\"skipped\":[{\"id\",\"title\",\"recipient\",\"reason\":CLOSED_ALREADY|PERIOD_RUNS|UNSIGNED,"
					+ "\"message\"}]}")
	ClosingView closeAll(@AuthenticationPrincipal CurrentUser user, @RequestBody PeriodBody body, Locale locale) {
		PeriodClose done = this.letters.closeAll(user, body.year());
		return new ClosingView(done.year(), done.closed(),
				done.skipped()
					.stream()
					.map((letter) -> new SkippedView(letter.id(), letter.title(), letter.recipient(), letter.reason(),
							letter.message(this.messages, locale)))
					.toList());
	}

	@GetMapping("/scoreboard")
	@PreAuthorize("hasAuthority('LETTERS_MANAGE')")
	@Operation(summary = "Every letter's standing for a year, best first, vetoed last",
			description = "?year= the year the letters' periods start in, this year by default")
	List<Scoreboard.Standing> standings(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable Integer year) {
		return this.scoreboard.standings(user.community(),
				(year != null) ? year : LocalDate.now(Territory.ZONE).getYear());
	}

	static LetterView view(Letter letter) {
		return new LetterView(letter.id(), letter.parentId(), letter.title(), letter.issuerUnitId(),
				letter.issuerName(), letter.recipientUnitId(), letter.recipientName(), letter.recipientPostId(),
				letter.postName(), letter.from(), letter.to(), letter.state(), letter.currentVersion(),
				letter.closedAt(), letter.version(), letter.versions());
	}

	private ScoreView view(Score score, Locale locale) {
		return new ScoreView(score.letterId(), score.versionNumber(), score.signed(), score.frozen(),
				score.computedAt(), score.total(), score.max(), score.vetoed(),
				score.lines()
					.stream()
					.map((line) -> new LineView(line.target().metric(),
							this.messages.getMessage("letters.metric." + line.target().metric(), null, locale),
							line.target().kind(), line.measure(), line.target().threshold(), line.target().points(),
							line.target().deduction(), line.figure().value(), line.figure().good(),
							line.figure().total(), line.met(), line.misses(), line.earned(), line.figure().evidence()))
					.toList());
	}

	record Items(List<LetterView> items) {
	}

	record Revision(@Nullable String note, @Nullable List<TargetForm> targets) {
	}

	record Signature(@Nullable Integer version) {
	}

	record PeriodBody(@Nullable Integer year) {
	}

	record ClosingView(int year, List<PeriodClose.Closed> closed, List<SkippedView> skipped) {
	}

	record SkippedView(long id, String title, String recipient, PeriodClose.Reason reason, String message) {
	}

	record LetterView(long id, @Nullable Long parentId, String title, long issuerUnitId, String issuerName,
			long recipientUnitId, String recipientName, @Nullable Long recipientPostId, @Nullable String postName,
			LocalDate from, LocalDate to, Letter.State state, int currentVersion, @Nullable Instant closedAt,
			long version, List<Letter.Version> versions) {
	}

	record ScoreView(long letterId, int versionNumber, boolean signed, boolean frozen, Instant computedAt,
			BigDecimal total, BigDecimal max, boolean vetoed, List<LineView> lines) {
	}

	record LineView(String metric, String name, Target.Kind kind, Metric.Measure measure, BigDecimal threshold,
			BigDecimal points, BigDecimal deduction, @Nullable BigDecimal value, int good, int total, boolean met,
			int misses, BigDecimal earned, List<Figure.Evidence> evidence) {
	}

}
