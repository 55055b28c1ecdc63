package org.anju.people;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.identity.CurrentUser;
import org.anju.platform.XlsxStream;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's own data report over HTTP: a POST, because it is audited and needs the
 * reason, the person's request, in its body.
 */
@RestController
@RequestMapping("/api/v1/residents")
@PreAuthorize("hasAuthority('PEOPLE_REPORT')")
@Tag(name = "people", description = "The registry of people")
class PersonalDataApi {

	private final PersonalDataReport report;

	PersonalDataApi(PersonalDataReport report) {
		this.report = report;
	}

	@PostMapping("/{id}/personal-data-report")
	@Operation(summary = "Everything Anju holds about a person, unmasked, for the person themselves; audited",
			description = "An xlsx with one sheet per kind of data: the registry, groups, history, appeals and"
					+ " their timelines.")
	ResponseEntity<byte[]> report(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody ReportBody body) throws IOException {
		byte[] xlsx = this.report.write(user, id, body.reason(), LocaleContextHolder.getLocale());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(XlsxStream.MEDIA_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("个人信息-" + id + ".xlsx", StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(xlsx);
	}

	record ReportBody(@Nullable String reason) {
	}

}
