package org.anju.people.roster;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpSession;
import org.anju.identity.CurrentUser;
import org.anju.platform.XlsxUpload;
import org.anju.shared.InvalidInput;
import org.anju.shared.UploadRejected;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The console's roster import: upload a file and see the dry run's counts and problems;
 * then commit the same file without uploading it again. The uploaded bytes wait in a
 * temporary file named in the user's session, and go once committed or replaced; files
 * left by abandoned sessions are removed after a day.
 */
@Controller
@RequestMapping("/people/import")
@PreAuthorize("hasAuthority('PEOPLE_IMPORT')")
class RosterConsole {

	static final String PAGE = "people/import";

	static final String UPLOAD = "anju.rosterUpload";

	private static final Path FOLDER = Path.of(System.getProperty("java.io.tmpdir"), "anju-roster");

	private static final Duration ABANDONED = Duration.ofDays(1);

	private final RosterImport imports;

	private final MessageSource messages;

	private final ImportJobs jobs;

	RosterConsole(RosterImport imports, MessageSource messages, ImportJobs jobs) {
		this.imports = imports;
		this.messages = messages;
		this.jobs = jobs;
	}

	/**
	 * The latest imports with what became of each, on every view of the page: after a
	 * crash the user sees that an import was cut off and that nothing of it was written.
	 */
	@ModelAttribute("recentImports")
	List<ImportStatus> recentImports(@AuthenticationPrincipal CurrentUser user) {
		return this.jobs.recent(user);
	}

	@GetMapping
	String page() {
		return PAGE;
	}

	@PostMapping("/preview")
	String preview(@AuthenticationPrincipal CurrentUser user, @RequestParam("file") MultipartFile file,
			HttpSession session, Model model) throws IOException {
		forget(session);
		if (file.getSize() > XlsxUpload.MAX_BYTES) {
			return problem(model, XlsxUpload.tooLarge());
		}
		Files.createDirectories(FOLDER);
		removeAbandoned();
		Path kept = Files.createTempFile(FOLDER, "upload-", ".xlsx");
		file.transferTo(kept);
		Upload upload = new Upload(kept.toString(), XlsxUpload.fileName(file, RosterApi.FILE_NAME));
		model.addAttribute("committed", false);
		try {
			ImportReport report = this.imports.run(user, kept, upload.name(), true);
			session.setAttribute(UPLOAD, upload);
			model.addAttribute("report", report);
			model.addAttribute("fileName", upload.name());
			return PAGE;
		}
		catch (UploadRejected | InvalidInput ex) {
			Files.deleteIfExists(kept);
			return problem(model, ex);
		}
	}

	@PostMapping("/commit")
	String commit(@AuthenticationPrincipal CurrentUser user, HttpSession session, Model model) throws IOException {
		if (!(session.getAttribute(UPLOAD) instanceof Upload upload) || !Files.exists(Path.of(upload.path()))) {
			model.addAttribute("problem", text("import.page.noUpload"));
			return PAGE;
		}
		try {
			ImportReport report = this.imports.run(user, Path.of(upload.path()), upload.name(), false);
			model.addAttribute("report", report);
			model.addAttribute("fileName", upload.name());
			model.addAttribute("committed", report.ok());
			if (report.ok()) {
				forget(session);
			}
			return PAGE;
		}
		catch (UploadRejected | InvalidInput ex) {
			forget(session);
			return problem(model, ex);
		}
	}

	private String problem(Model model, RuntimeException ex) {
		if (ex instanceof UploadRejected rejected) {
			model.addAttribute("problem", text(rejected.code(), rejected.args()));
		}
		else if (ex instanceof InvalidInput invalid) {
			InvalidInput.Violation violation = invalid.violations().get(0);
			model.addAttribute("problem", text(violation.code(), violation.args()));
		}
		return PAGE;
	}

	private void forget(HttpSession session) throws IOException {
		if (session.getAttribute(UPLOAD) instanceof Upload upload) {
			Files.deleteIfExists(Path.of(upload.path()));
		}
		session.removeAttribute(UPLOAD);
	}

	private static void removeAbandoned() throws IOException {
		Instant before = Instant.now().minus(ABANDONED);
		try (Stream<Path> files = Files.list(FOLDER)) {
			for (Path file : files.toList()) {
				if (Files.getLastModifiedTime(file).toInstant().isBefore(before)) {
					Files.deleteIfExists(file);
				}
			}
		}
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
