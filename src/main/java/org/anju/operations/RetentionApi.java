package org.anju.operations;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The retention rules in force, for those who answer for the audit trail.
 */
@RestController
@RequestMapping("/api/v1/retention-rules")
@PreAuthorize("hasAuthority('AUDIT_READ')")
@Tag(name = "retention", description = "How long each kind of record is kept (PIPL article 47)")
class RetentionApi {

	private final Retention retention;

	RetentionApi(Retention retention) {
		this.retention = retention;
	}

	@GetMapping
	@Operation(summary = "Each kind of record with its retention period (ISO 8601, such as P5Y)")
	List<Rule> list() {
		return this.retention.rules().stream().map((rule) -> new Rule(rule.name(), rule.period().toString())).toList();
	}

	record Rule(String name, String period) {
	}

}
