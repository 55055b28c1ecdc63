package org.anju.letters;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.anju.duty.Organisation;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.platform.FormErrors;
import org.anju.platform.XlsxStream;
import org.anju.shared.InvalidInput;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.anju.shared.Territory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Responsibility letters in the console: the list with the new letter form, a letter's
 * page with its versions, the targets' edit form, the sign button and the assessment
 * whose every figure links to the rows behind it, the scoreboard, the period's close and
 * the assessment reports.
 */
@Controller
@PreAuthorize("hasAuthority('LETTERS_READ')")
class LetterConsole {

	private final Letters letters;

	private final Scoreboard scoreboard;

	private final Assessment assessment;

	private final AssessmentWorkbook workbook;

	private final AssessmentPdf pdf;

	private final MessageSource messages;

	private final Organisation organisation;

	LetterConsole(Letters letters, Scoreboard scoreboard, Assessment assessment, AssessmentWorkbook workbook,
			AssessmentPdf pdf, MessageSource messages, Organisation organisation) {
		this.organisation = organisation;
		this.letters = letters;
		this.scoreboard = scoreboard;
		this.assessment = assessment;
		this.workbook = workbook;
		this.pdf = pdf;
		this.messages = messages;
	}

	@GetMapping("/letters")
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			Model model, Locale locale) {
		int shown = (year != null) ? year : LocalDate.now(Territory.ZONE).getYear();
		model.addAttribute("year", shown);
		model.addAttribute("letters", this.letters.list(user, shown));
		if (user.may(Permission.LETTERS_MANAGE)) {
			if (!model.containsAttribute("draft")) {
				model.addAttribute("draft", LetterDraft.fresh(this.letters.metrics(), shown));
			}
			model.addAttribute("units", UnitChoice.of(this.organisation.units(user.community()),
					this.organisation.posts(user.community(), null), locale));
		}
		return "letters/list";
	}

	/**
	 * Creates a letter through the same service as the API; a refused one shows the list
	 * again with the form as typed and each message next to its field.
	 */
	@PostMapping("/letters")
	@PreAuthorize("hasAuthority('LETTERS_MANAGE')")
	String create(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("draft") LetterDraft draft,
			BindingResult result, Model model, Locale locale, HttpServletResponse response) {
		try {
			if (!result.hasErrors()) {
				Letter letter = this.letters.create(user, draft.letter());
				return "redirect:/letters/" + letter.id() + "?created";
			}
			this.letters.check(user, draft.letter());
		}
		catch (InvalidInput ex) {
			reject(ex, draft, result);
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return list(user, draft.getYear(), model, locale);
	}

	@GetMapping("/letters/scoreboard")
	String scoreboard(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			Model model) {
		int shown = (year != null) ? year : LocalDate.now(Territory.ZONE).getYear();
		Set<Long> reached = this.letters.list(user, shown).stream().map(Letter::id).collect(Collectors.toSet());
		model.addAttribute("year", shown);
		model.addAttribute("standings",
				this.scoreboard.standings(user.community(), shown)
					.stream()
					.filter((standing) -> reached.contains(standing.letterId()))
					.toList());
		return "letters/scoreboard";
	}

	@GetMapping("/letters/{id}")
	String letter(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model, Locale locale) {
		Letter letter = this.letters.get(user, id);
		Score score = this.letters.score(user.community(), letter);
		model.addAttribute("letter", letter);
		model.addAttribute("score", score);
		model.addAttribute("report", this.assessment.of(letter, score, locale));
		model.addAttribute("maySign", letter.state() == Letter.State.DRAFT && this.letters.recipient(user, letter));
		boolean manages = user.may(Permission.LETTERS_MANAGE);
		model.addAttribute("mayClose",
				manages && letter.state() == Letter.State.SIGNED && LocalDate.now(Territory.ZONE).isAfter(letter.to()));
		model.addAttribute("mayCascade",
				manages && letter.recipientPostId() == null && letter.state() != Letter.State.CLOSED);
		boolean mayEdit = manages && letter.state() != Letter.State.CLOSED;
		model.addAttribute("mayEdit", mayEdit);
		if (mayEdit && !model.containsAttribute("draft")) {
			model.addAttribute("draft", LetterDraft.of(letter, this.letters.metrics()));
		}
		return "letters/letter";
	}

	/**
	 * Saves the edited targets through the same service as the API: a signed version is
	 * kept and a new one made. A refused or stale edit shows the page again with the form
	 * as typed; a stale one carries the letter's current row version, so that saving once
	 * more, after a look at the latest version, goes through.
	 */
	@PostMapping("/letters/{id}/targets")
	@PreAuthorize("hasAuthority('LETTERS_MANAGE')")
	String revise(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("draft") LetterDraft draft, BindingResult result, Model model, Locale locale,
			HttpServletResponse response) {
		HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
		try {
			if (!result.hasErrors()) {
				Letter letter = this.letters.revise(user, id, draft.getVersion(), draft.getNote(), draft.included());
				return "redirect:/letters/" + id + "?revised=" + letter.currentVersion();
			}
			this.letters.check(user, draft.getNote(), draft.included());
		}
		catch (InvalidInput ex) {
			reject(ex, draft, result);
		}
		catch (Refused ex) {
			status = HttpStatus.CONFLICT;
			FormErrors.reject(ex, result);
		}
		catch (StaleVersion ex) {
			status = HttpStatus.PRECONDITION_FAILED;
			Letter now = this.letters.get(user, id);
			draft.setVersion(now.version());
			result.reject("letters.form.stale", new Object[] { now.currentVersion() }, "letters.form.stale");
		}
		response.setStatus(status.value());
		return letter(user, id, model, locale);
	}

	@PostMapping("/letters/{id}/sign")
	String sign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam int number, Model model,
			Locale locale, HttpServletResponse response) {
		return attempt(() -> {
			this.letters.sign(user, id, number);
			return "redirect:/letters/" + id + "?signed=" + number;
		}, id, user, model, locale, response);
	}

	@PostMapping("/letters/{id}/cascade")
	@PreAuthorize("hasAuthority('LETTERS_MANAGE')")
	String cascade(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model, Locale locale,
			HttpServletResponse response) {
		return attempt(() -> "redirect:/letters/" + id + "?cascaded=" + this.letters.cascade(user, id).size(), id, user,
				model, locale, response);
	}

	@PostMapping("/letters/{id}/close")
	@PreAuthorize("hasAuthority('LETTERS_MANAGE')")
	String close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			Model model, Locale locale, HttpServletResponse response) {
		return attempt(() -> {
			this.letters.close(user, id, version);
			return "redirect:/letters/" + id + "?closed";
		}, id, user, model, locale, response);
	}

	/**
	 * Closes every letter of the year shown that can be closed, and shows the list again
	 * with which were closed and which were left, each with its reason.
	 */
	@PostMapping("/letters/close")
	@PreAuthorize("hasAuthority('LETTERS_MANAGE')")
	String closeAll(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			Model model, Locale locale, HttpServletResponse response) {
		try {
			PeriodClose done = this.letters.closeAll(user, year);
			model.addAttribute("closing", done);
			model.addAttribute("skippedReasons", done.skipped()
				.stream()
				.collect(Collectors.toMap(PeriodClose.Skipped::id, (letter) -> letter.message(this.messages, locale))));
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			InvalidInput.Violation first = ex.violations().get(0);
			model.addAttribute("failure", this.messages.getMessage(first.code(), first.args(), locale));
		}
		catch (StaleVersion ex) {
			response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
			model.addAttribute("failure", this.messages.getMessage("letters.stale", null, locale));
		}
		return list(user, year, model, locale);
	}

	@GetMapping("/letters/{id}/assessment.xlsx")
	ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale) {
		Letter letter = this.letters.get(user, id);
		byte[] content = this.workbook.render(report(user, letter, locale));
		return download(letter, content, "xlsx", MediaType.parseMediaType(XlsxStream.MEDIA_TYPE));
	}

	@GetMapping("/letters/{id}/assessment.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale) {
		Letter letter = this.letters.get(user, id);
		byte[] content = this.pdf.render(report(user, letter, locale));
		return download(letter, content, "pdf", MediaType.APPLICATION_PDF);
	}

	/**
	 * Puts the service's violations next to the rows they name, leaving out a field whose
	 * typed value could not be read (its message says so already).
	 */
	private static void reject(InvalidInput problem, LetterDraft draft, BindingResult result) {
		FormErrors.reject(new InvalidInput(draft.onRows(problem)
			.violations()
			.stream()
			.filter((violation) -> !result.hasFieldErrors(violation.field()))
			.toList()), result);
	}

	private Assessment.Report report(CurrentUser user, Letter letter, Locale locale) {
		return this.assessment.of(letter, this.letters.score(user.community(), letter), locale);
	}

	private static ResponseEntity<byte[]> download(Letter letter, byte[] content, String extension, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("责任状考核-" + letter.recipient() + "-" + letter.from().getYear() + "." + extension,
								StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(content);
	}

	private String attempt(Supplier<String> change, long id, CurrentUser user, Model model, Locale locale,
			HttpServletResponse response) {
		String failure;
		HttpStatus status;
		try {
			return change.get();
		}
		catch (Refused ex) {
			status = HttpStatus.CONFLICT;
			failure = this.messages.getMessage(ex.code(), ex.args(), ex.code(), locale);
		}
		catch (StaleVersion ex) {
			status = HttpStatus.PRECONDITION_FAILED;
			failure = this.messages.getMessage("letters.stale", null, locale);
		}
		response.setStatus(status.value());
		String view = letter(user, id, model, locale);
		model.addAttribute("failure", failure);
		return view;
	}

}
