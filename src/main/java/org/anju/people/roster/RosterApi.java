package org.anju.people.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.anju.platform.XlsxStream;
import org.anju.identity.CurrentUser;
import org.anju.people.InterestGroups;
import org.anju.people.PeopleQuery;
import org.anju.people.PersonStatus;
import org.anju.platform.XlsxUpload;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
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
 * The roster in xlsx over HTTP: the template, the import (a dry run by default) and the
 * export of a filtered list.
 */
@RestController
@RequestMapping("/api/v1/residents")
@Tag(name = "roster", description = "Roster import and export in xlsx")
class RosterApi {

	static final MediaType XLSX = MediaType.parseMediaType(XlsxStream.MEDIA_TYPE);

	static final String FILE_NAME = "roster.xlsx";

	private final RosterImport imports;

	private final RosterExport exports;

	private final InterestGroups groups;

	private final MessageSource messages;

	private final ImportJobs jobs;

	RosterApi(RosterImport imports, RosterExport exports, InterestGroups groups, MessageSource messages,
			ImportJobs jobs) {
		this.imports = imports;
		this.jobs = jobs;
		this.exports = exports;
		this.groups = groups;
		this.messages = messages;
	}

	@GetMapping("/import-template")
	@PreAuthorize("hasAuthority('PEOPLE_IMPORT')")
	@Operation(summary = "The empty roster to fill in, with a sheet that explains the columns and lists the groups")
	ResponseEntity<byte[]> template(@AuthenticationPrincipal CurrentUser user) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		RosterTemplate.write(out, this.groups.all(user.community()), this.messages, LocaleContextHolder.getLocale());
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment("花名册模板.xlsx"))
			.body(out.toByteArray());
	}

	@PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAuthority('PEOPLE_IMPORT')")
	@Operation(summary = "Check a roster (dryRun=true, the default) or import it all or nothing (dryRun=false)",
			description = "Answers {total, created, updated, unchanged, createdPlaces:[{kind,name}], warnings, errors:[{row,column,value,message}]}; "
					+ "422 with the same body when dryRun=false and there are errors. Problems of the whole file are problem+json: "
					+ "413 over 20 MB, 415 not an xlsx or a macro file, 422 for an empty sheet, a missing column or more than 200,000 rows.")
	ResponseEntity<ImportReport> importRoster(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(defaultValue = "true") boolean dryRun, @RequestPart("file") MultipartFile file)
			throws IOException {
		ImportReport report = XlsxUpload.withUpload(file,
				(path) -> this.imports.run(user, path, XlsxUpload.fileName(file, FILE_NAME), dryRun));
		return ResponseEntity.status((!dryRun && !report.ok()) ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
			.body(report);
	}

	@GetMapping("/imports")
	@PreAuthorize("hasAuthority('PEOPLE_IMPORT')")
	@Operation(summary = "The community's latest roster imports, newest first, each with what became of it",
			description = "state: RUNNING, COMMITTED, REJECTED, FAILED, or INTERRUPTED when the application stopped "
					+ "or lost its database before the import committed (then nothing of it was written; upload it again)")
	List<ImportStatus> imports(@AuthenticationPrincipal CurrentUser user) {
		return this.jobs.recent(user);
	}

	@GetMapping("/export")
	@PreAuthorize("hasAuthority('PEOPLE_EXPORT')")
	@Operation(summary = "Export the filtered list within the caller's scope to xlsx, masked; audited")
	void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String group,
			@RequestParam(required = false) @Nullable Long areaId,
			@RequestParam(required = false) @Nullable Long gridId,
			@RequestParam(required = false) @Nullable PersonStatus status, HttpServletResponse response)
			throws IOException {
		this.exports.download(user, new PeopleQuery(q, group, areaId, gridId, status), response);
	}

	static String attachment(String name) {
		return ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
	}

}
