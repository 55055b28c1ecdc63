package org.anju.reporting;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.anju.identity.CurrentUser;
import org.anju.platform.XlsxStream;
import org.anju.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The leader dashboard page and the list of monthly reports in the console.
 */
@Controller
@PreAuthorize("hasAuthority('REPORTS_READ')")
class DashboardConsole {

	static final String DASHBOARD = "reporting/dashboard";

	static final String REPORTS = "reporting/reports";

	private final Dashboard dashboard;

	private final Reports reports;

	private final MessageSource messages;

	private final Clock clock;

	DashboardConsole(Dashboard dashboard, Reports reports, MessageSource messages, Clock clock) {
		this.dashboard = dashboard;
		this.reports = reports;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/dashboard")
	String dashboard(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, Model model, Locale locale) {
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		try {
			Span span = Span.of(from, to, this.clock);
			model.addAttribute("from", span.from().toString());
			model.addAttribute("to", span.to().toString());
			model.addAttribute("sections", this.dashboard.figures(user, span, locale).views(locale));
		}
		catch (InvalidInput ex) {
			model.addAttribute("problems", problems(ex, locale));
		}
		return DASHBOARD;
	}

	@GetMapping("/reports")
	String reports(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("reports", this.reports.list(user, null, 200));
		return REPORTS;
	}

	@GetMapping("/reports/{id}.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return ReportApi.download(this.reports, user, id, "pdf", MediaType.APPLICATION_PDF_VALUE);
	}

	@GetMapping("/reports/{id}.xlsx")
	ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return ReportApi.download(this.reports, user, id, "xlsx", XlsxStream.MEDIA_TYPE);
	}

	@PostMapping("/reports")
	String generate(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, Model model, Locale locale) {
		try {
			this.reports.generate(user, Span.of(from, to, this.clock));
			return "redirect:/reports";
		}
		catch (InvalidInput ex) {
			model.addAttribute("problems", problems(ex, locale));
			model.addAttribute("from", from);
			model.addAttribute("to", to);
			return reports(user, model);
		}
	}

	private List<String> problems(InvalidInput ex, Locale locale) {
		return ex.violations()
			.stream()
			.map((v) -> this.messages.getMessage(v.code(), v.args(), v.code(), locale))
			.toList();
	}

}
