package org.anju.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

import org.anju.audit.AuditFilter;
import org.anju.audit.AuditTrail;
import org.anju.audit.CommunityOfCaller;
import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log in the console: rows newest first, filtered by actor, action, subject and
 * days (Asia/Shanghai), and a check of the hash chain.
 */
@Controller
@PreAuthorize("hasAuthority('AUDIT_READ')")
class AuditConsole {

	static final String LOG = "audit/log";

	static final String VERIFICATION = "audit/log :: verification";

	static final int PAGE_SIZE = 50;

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final AuditTrail audit;

	private final CommunityOfCaller community;

	AuditConsole(AuditTrail audit, CommunityOfCaller community) {
		this.audit = audit;
		this.community = community;
	}

	@GetMapping("/audit")
	String log(Authentication caller, @RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String subjectType,
			@RequestParam(required = false) @Nullable String subjectId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		// a day filter covers the whole day as the community lives it
		Instant start = (from != null) ? from.atStartOfDay(SHANGHAI).toInstant() : null;
		Instant end = (to != null) ? to.plusDays(1).atStartOfDay(SHANGHAI).toInstant() : null;
		AuditFilter filter = new AuditFilter(blank(actor), blank(action), blank(subjectType), blank(subjectId), start,
				end);
		model.addAttribute("page", this.audit.find(community(caller), filter, cursor, PAGE_SIZE));
		model.addAttribute("filter", filter);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("showFirst", cursor != null && !cursor.isBlank());
		model.addAttribute("filters",
				Objects.toString(UriComponentsBuilder.newInstance()
					.queryParamIfPresent("actor", Optional.ofNullable(filter.actor()))
					.queryParamIfPresent("action", Optional.ofNullable(filter.action()))
					.queryParamIfPresent("subjectType", Optional.ofNullable(filter.subjectType()))
					.queryParamIfPresent("subjectId", Optional.ofNullable(filter.subjectId()))
					.queryParamIfPresent("from", Optional.ofNullable(from))
					.queryParamIfPresent("to", Optional.ofNullable(to))
					.encode()
					.build()
					.getQuery(), ""));
		return LOG;
	}

	@PostMapping("/audit/verify")
	String verify(Authentication caller, Model model) {
		model.addAttribute("verification", this.audit.verify(community(caller)));
		return VERIFICATION;
	}

	private CommunityId community(Authentication caller) {
		return this.community.of(caller);
	}

	private static @Nullable String blank(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
