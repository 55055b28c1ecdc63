package org.anju.reporting;

import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.platform.CjkFont;
import org.anju.identity.CurrentUser;
import org.anju.platform.XlsxStream;
import org.anju.shared.BadParameter;
import org.anju.shared.NotFound;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly reports over HTTP: list, generate on demand, download as PDF or xlsx.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "reports", description = "The monthly report (社区稳定与服务工作月报)")
class ReportApi {

	private static final int MAX_SIZE = 200;

	private final Reports reports;

	private final Clock clock;

	private final MessageSource messages;

	ReportApi(Reports reports, Clock clock, MessageSource messages) {
		this.reports = reports;
		this.clock = clock;
		this.messages = messages;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('REPORTS_READ')")
	@Operation(summary = "The generated reports, newest first",
			description = "{items:[{id,kind:MONTHLY|ON_DEMAND,from,to,generatedAt,generatedBy}],next,total}; "
					+ "next is the cursor of the next page. total counts this page only.")
	Map<String, Object> list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") int size) {
		if (size < 1 || size > MAX_SIZE) {
			throw new BadParameter("size", "search.size", MAX_SIZE);
		}
		Long before = null;
		if (cursor != null && !cursor.isBlank()) {
			try {
				before = Long.parseLong(cursor.strip());
			}
			catch (NumberFormatException ex) {
				throw new BadParameter("cursor", "cursor.invalid");
			}
		}
		List<Reports.Report> items = this.reports.list(user, before, size + 1);
		List<Reports.Report> page = items.subList(0, Math.min(size, items.size()));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", page);
		body.put("next", (items.size() > size) ? Long.toString(page.get(page.size() - 1).id()) : null);
		body.put("total", page.size());
		return body;
	}

	@PostMapping
	@PreAuthorize("hasAuthority('REPORTS_READ')")
	@Operation(summary = "Generate a report for any span now",
			description = "Body {from, to}: days as for GET /api/v1/dashboard (422 per field otherwise). Answers 201 "
					+ "with the report; its figures are the dashboard's for the same span.")
	ResponseEntity<Reports.Report> generate(@AuthenticationPrincipal CurrentUser user,
			@RequestBody(required = false) @Nullable Period body) {
		Span span = Span.of((body != null) ? body.from() : null, (body != null) ? body.to() : null, this.clock);
		Reports.Report report = this.reports.generate(user, span);
		return ResponseEntity.status(HttpStatus.CREATED)
			.header(HttpHeaders.LOCATION, "/api/v1/reports/" + report.id() + ".pdf")
			.body(report);
	}

	@GetMapping("/{id}.pdf")
	@PreAuthorize("hasAuthority('REPORTS_READ')")
	@Operation(summary = "The report as PDF")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return download(user, id, "pdf", MediaType.APPLICATION_PDF_VALUE);
	}

	@GetMapping("/{id}.xlsx")
	@PreAuthorize("hasAuthority('REPORTS_READ')")
	@Operation(summary = "The report as xlsx, with the same figures")
	ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return download(user, id, "xlsx", XlsxStream.MEDIA_TYPE);
	}

	@GetMapping("/{id}/figures")
	@PreAuthorize("hasAuthority('REPORTS_READ')")
	@Operation(summary = "The report's figures, frozen when it was generated, as the dashboard body")
	ResponseEntity<byte[]> figures(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		byte[] figures = this.reports.content(user, id, "figures").orElseThrow(() -> new NotFound("report", id));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(figures);
	}

	private ResponseEntity<byte[]> download(CurrentUser user, long id, String format, String mediaType) {
		return download(this.reports, user, id, format, mediaType);
	}

	/**
	 * The stored PDF or xlsx as a download, for the API and the console alike.
	 * @throws NotFound when the community has no such report
	 */
	static ResponseEntity<byte[]> download(Reports reports, CurrentUser user, long id, String format,
			String mediaType) {
		byte[] content = reports.content(user, id, format).orElseThrow(() -> new NotFound("report", id));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(mediaType))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("社区稳定与服务工作月报-" + id + "." + format, StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(content);
	}

	/**
	 * A server without the CJK font cannot write a PDF: say what to install, as 503.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> missingFont(CjkFont.MissingFont ex, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				this.messages.getMessage("report.font.missing", new Object[] { ex.path() }, locale));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	/**
	 * The span of a report to generate, days as {@code YYYY-MM-DD}.
	 */
	record Period(@Nullable String from, @Nullable String to) {
	}

}
