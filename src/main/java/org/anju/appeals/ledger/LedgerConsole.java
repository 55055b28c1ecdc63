package org.anju.appeals.ledger;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.anju.platform.XlsxStream;
import org.anju.appeals.AppealFlag;
import org.anju.appeals.AppealQuery;
import org.anju.appeals.AppealState;
import org.anju.appeals.AppealStatistics;
import org.anju.appeals.AppealStats;
import org.anju.identity.CurrentUser;
import org.anju.platform.XlsxUpload;
import org.anju.shared.InvalidInput;
import org.anju.shared.UploadRejected;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The console's statistics page with its chart and exports, the ledger export for a
 * signed-in session, and the import of historical ledgers: upload, preview, commit.
 */
@Controller
@PreAuthorize("hasAuthority('APPEALS_READ')")
class LedgerConsole {

	static final String STATS = "appeals/stats";

	static final String IMPORT = "appeals/ledger-import";

	static final String UPLOAD = "anju.ledgerUpload";

	private final AppealStatistics statistics;

	private final LedgerExport exports;

	private final LedgerImport imports;

	private final MessageSource messages;

	private final Clock clock;

	LedgerConsole(AppealStatistics statistics, LedgerExport exports, LedgerImport imports, MessageSource messages,
			Clock clock) {
		this.statistics = statistics;
		this.exports = exports;
		this.imports = imports;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/appeals/stats")
	String stats(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(defaultValue = "category") String by,
			Model model) {
		model.addAttribute("dimensions",
				Arrays.stream(AppealStats.By.values()).map(AppealStats.By::parameter).toList());
		model.addAttribute("by", by);
		try {
			AppealStats stats = LedgerApi.figures(this.statistics, this.clock, user, from, to, by);
			model.addAttribute("stats", stats);
			model.addAttribute("from", stats.from().toString());
			model.addAttribute("to", stats.to().toString());
		}
		catch (InvalidInput ex) {
			model.addAttribute("from", from);
			model.addAttribute("to", to);
			model.addAttribute("problem", problem(ex));
		}
		return STATS;
	}

	@GetMapping("/appeals/stats.xlsx")
	void statsWorkbook(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(defaultValue = "category") String by,
			HttpServletResponse response) throws IOException {
		AppealStats stats = LedgerApi.figures(this.statistics, this.clock, user, from, to, by);
		response.setContentType(XlsxStream.MEDIA_TYPE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				LedgerExport.attachment("诉求统计-" + stats.from() + "-" + stats.to() + ".xlsx"));
		this.exports.statistics(stats, response.getOutputStream());
	}

	@GetMapping("/appeals/ledger.xlsx")
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

	@GetMapping("/appeals/ledger-import")
	@PreAuthorize("hasAuthority('APPEALS_DISPATCH')")
	String importPage(Model model) {
		model.addAttribute("columns", Arrays.stream(LedgerColumn.values()).map(LedgerColumn::header).toList());
		return IMPORT;
	}

	@PostMapping("/appeals/ledger-import/preview")
	@PreAuthorize("hasAuthority('APPEALS_DISPATCH')")
	String preview(@AuthenticationPrincipal CurrentUser user, @RequestParam("file") MultipartFile file,
			HttpSession session, Model model) throws IOException {
		forget(session);
		importPage(model);
		if (file.getSize() > XlsxUpload.MAX_BYTES) {
			model.addAttribute("problem", problem(XlsxUpload.tooLarge()));
			return IMPORT;
		}
		Path kept = Files.createTempFile("anju-ledger-", ".xlsx");
		file.transferTo(kept);
		Upload upload = new Upload(kept.toString(), XlsxUpload.fileName(file, LedgerApi.FILE_NAME));
		try {
			LedgerImportReport report = this.imports.run(user, kept, upload.name(), true);
			session.setAttribute(UPLOAD, upload);
			model.addAttribute("report", report);
			model.addAttribute("fileName", upload.name());
			model.addAttribute("committed", false);
		}
		catch (UploadRejected | InvalidInput ex) {
			Files.deleteIfExists(kept);
			model.addAttribute("problem", problem(ex));
		}
		return IMPORT;
	}

	@PostMapping("/appeals/ledger-import/commit")
	@PreAuthorize("hasAuthority('APPEALS_DISPATCH')")
	String commit(@AuthenticationPrincipal CurrentUser user, HttpSession session, Model model) throws IOException {
		importPage(model);
		if (!(session.getAttribute(UPLOAD) instanceof Upload upload) || !Files.exists(Path.of(upload.path()))) {
			model.addAttribute("problem", text("import.page.noUpload"));
			return IMPORT;
		}
		try {
			LedgerImportReport report = this.imports.run(user, Path.of(upload.path()), upload.name(), false);
			model.addAttribute("report", report);
			model.addAttribute("fileName", upload.name());
			model.addAttribute("committed", report.ok());
			if (report.ok()) {
				forget(session);
			}
		}
		catch (UploadRejected | InvalidInput ex) {
			forget(session);
			model.addAttribute("problem", problem(ex));
		}
		return IMPORT;
	}

	private String problem(RuntimeException ex) {
		if (ex instanceof UploadRejected rejected) {
			return text(rejected.code(), rejected.args());
		}
		InvalidInput.Violation violation = ((InvalidInput) ex).violations().get(0);
		return text(violation.code(), violation.args());
	}

	private static void forget(HttpSession session) throws IOException {
		if (session.getAttribute(UPLOAD) instanceof Upload upload) {
			Files.deleteIfExists(Path.of(upload.path()));
		}
		session.removeAttribute(UPLOAD);
	}

	private String text(String code, Object... args) {
		return this.messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	/**
	 * An upload that waits for its commit, as the session keeps it.
	 */
	record Upload(String path, String name) implements Serializable {
	}

}
