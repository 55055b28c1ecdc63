package org.anju.people.roster;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.anju.identity.CurrentUser;
import org.anju.people.PeopleQuery;
import org.anju.people.PersonStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's export button: the same masked, scoped, audited export as the API, for a
 * signed-in session.
 */
@Controller
@PreAuthorize("hasAuthority('PEOPLE_EXPORT')")
class ExportConsole {

	private final RosterExport exports;

	ExportConsole(RosterExport exports) {
		this.exports = exports;
	}

	@GetMapping("/people/export")
	void export(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String group,
			@RequestParam(required = false) @Nullable Long areaId,
			@RequestParam(required = false) @Nullable Long gridId,
			@RequestParam(required = false) @Nullable PersonStatus status, HttpServletResponse response)
			throws IOException {
		this.exports.download(user, new PeopleQuery(q, group, areaId, gridId, status), response);
	}

}
