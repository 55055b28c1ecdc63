package org.anju.appeals.ledger;

import java.io.IOException;
import java.time.Clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.anju.platform.XlsxStream;
import org.anju.appeals.AppealFlag;
import org.anju.appeals.AppealQuery;
import org.anju.appeals.AppealState;
import org.anju.appeals.AppealStatistics;
import org.anju.appeals.AppealStats;
import org.anju.identity.CurrentUser;
import org.anju.platform.XlsxUpload;
import org.anju.shared.BadParameter;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Appeals in figures and in Excel over HTTP: the statistics (as JSON or xlsx), the ledger
 * of a filtered list, and the import of historical ledgers (a dry run by default).
 */
@RestController
@RequestMapping("/api/v1/appeals")
@Tag(name = "appeal ledgers", description = "Appeal statistics, ledgers (台账) in xlsx and their import")
class LedgerApi {

	static final String FILE_NAME = "ledger.xlsx";

	private final AppealStatistics statistics;

	private final LedgerExport exports;

	private final LedgerImport imports;

	private final Clock clock;

	LedgerApi(AppealStatistics statistics, LedgerExport exports, LedgerImport imports, Clock clock) {
		this.statistics = statistics;
		this.exports = exports;
		this.imports = imports;
		this.clock = clock;
	}

	@GetMapping("/stats")
	@PreAuthorize("hasAuthority('APPEALS_READ')")
	@Operation(summary = "受理量, 按期办结率, 满意率 and reopen rate by category, department, group, area or grid",
			description = "from and to are receipt days (YYYY-MM-DD, Asia/Shanghai, to inclusive; the current month by "
					+ "default; at most a year). Rates are 0 to 1 with four decimals, null when nothing was counted.")
	AppealStats stats(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(defaultValue = "category") String by) {
		return figures(this.statistics, this.clock, user, from, to, by);
	}

	@GetMapping("/stats.xlsx")
	@PreAuthorize("hasAuthority('APPEALS_READ')")
	@Operation(summary = "The same statistics as an xlsx")
	void statsWorkbook(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(defaultValue = "category") String by,
			HttpServletResponse response) throws IOException {
		AppealStats stats = figures(this.statistics, this.clock, user, from, to, by);
		response.setContentType(XlsxStream.MEDIA_TYPE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				LedgerExport.attachment("诉求统计-" + stats.from() + "-" + stats.to() + ".xlsx"));
		this.exports.statistics(stats, response.getOutputStream());
	}

	@GetMapping("/ledger")
	@PreAuthorize("hasAuthority('APPEALS_READ')")
	@Operation(summary = "The ledger (台账) of the filtered list as xlsx, masked, within the caller's reach; audited",
			description = "Takes the filters of GET /api/v1/appeals, without paging.")
	void ledger(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable AppealState state,
			@RequestParam(required = false) @Nullable String categoryCode,
			@RequestParam(required = false) @Nullable String departmentCode,
			@RequestParam(required = false) @Nullable AppealFlag flag,
			@RequestParam(required = false) @Nullable Boolean overdue,
			@RequestParam(required = false) @Nullable Long areaId,
			@RequestParam(required = false) @Nullable Long gridId,
			@RequestParam(required = false) @Nullable String group, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(defaultValue = "false") boolean open, HttpServletResponse response) throws IOException {
		this.exports.download(user,
				new AppealQuery(state, categoryCode, departmentCode, flag, overdue, areaId, gridId, group, mine, open),
				response);
	}

	@PostMapping(path = "/ledger-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAuthority('APPEALS_DISPATCH')")
	@Operation(summary = "Check a historical ledger (dryRun=true, the default) or import it all or nothing",
			description = "Answers {total, imported, warnings, errors:[{row,column,value,message}]}; 422 with the same "
					+ "body when dryRun=false and there are errors. Problems of the whole file are problem+json: 413 over "
					+ "20 MB, 415 not an xlsx or a macro file, 422 for an empty sheet or a missing column.")
	ResponseEntity<LedgerImportReport> importLedger(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(defaultValue = "true") boolean dryRun, @RequestPart("file") MultipartFile file)
			throws IOException {
		LedgerImportReport report = XlsxUpload.withUpload(file,
				(path) -> this.imports.run(user, path, XlsxUpload.fileName(file, FILE_NAME), dryRun));
		return ResponseEntity.status((!dryRun && !report.ok()) ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
			.body(report);
	}

	/**
	 * @throws BadParameter naming the parameter that cannot be used
	 */
	static AppealStats figures(AppealStatistics statistics, Clock clock, CurrentUser user, @Nullable String from,
			@Nullable String to, String by) {
		AppealStats.By dimension = AppealStats.By.parse(by);
		if (dimension == null) {
			throw new BadParameter("by", "stats.by.unknown", by);
		}
		Period period = Period.of(from, to, clock);
		return statistics.figures(user, period.from(), period.to(), dimension);
	}

}
