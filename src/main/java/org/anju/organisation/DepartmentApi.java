package org.anju.organisation;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.audit.CommunityOfCaller;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service departments, for any signed-in caller.
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

	record Items(List<Department> items) {
	}

}
