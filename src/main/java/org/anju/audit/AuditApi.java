package org.anju.audit;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.shared.BadParameter;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail over HTTP, for those who may read it.
 */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAuthority('AUDIT_READ')")
@Tag(name = "audit", description = "The append-only, hash-chained audit trail")
class AuditApi {

	private final AuditTrail audit;

	private final CommunityOfCaller community;

	AuditApi(AuditTrail audit, CommunityOfCaller community) {
		this.audit = audit;
		this.community = community;
	}

	@GetMapping
	@Operation(summary = "Audit rows, newest first", description = "Filter by actor, action, subject and time span.")
	AuditPage list(Authentication caller, @RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String subjectType,
			@RequestParam(required = false) @Nullable String subjectId,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "50") int size) {
		if (size < 1 || size > 200) {
			throw new BadParameter("size", "search.size", 200);
		}
		return this.audit.find(community(caller), new AuditFilter(actor, action, subjectType, subjectId, from, to),
				cursor, size);
	}

	@GetMapping("/verify")
	@Operation(summary = "Check that the chain is intact",
			description = "Seals what is committed, then recomputes every hash from the start.")
	ChainVerification verify(Authentication caller) {
		return this.audit.verify(community(caller));
	}

	private CommunityId community(Authentication caller) {
		return this.community.of(caller);
	}

}
