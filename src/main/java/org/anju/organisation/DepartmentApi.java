package org.anju.organisation;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.audit.CommunityOfCaller;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service departments, for any signed-in caller; their heads, appointed by those who
 * manage accounts.
 */
@RestController
@RequestMapping("/api/v1/departments")
@Tag(name = "departments", description = "Service departments")
class DepartmentApi {

	private final Departments departments;

	private final CommunityOfCaller community;

	DepartmentApi(Departments departments, CommunityOfCaller community) {
		this.departments = departments;
		this.community = community;
	}

	@GetMapping
	Items list(Authentication caller) {
		return new Items(this.departments.all(this.community.of(caller)));
	}

	@PutMapping("/{code}/head")
	@PreAuthorize("hasAuthority('USERS_MANAGE')")
	@Operation(summary = "Appoint the department's head (部门负责人)",
			description = "Body {\"userId\"}: an account of the community; null leaves the post empty. "
					+ "The head hears of the department's appeals that are nearly due or overdue.")
	ResponseEntity<Void> appointHead(Authentication caller, @PathVariable String code, @RequestBody HeadBody body) {
		this.departments.appointHead(this.community.of(caller), code, body.userId());
		return ResponseEntity.noContent().build();
	}

	record HeadBody(@Nullable Long userId) {
	}

	record Items(List<Department> items) {
	}

}
