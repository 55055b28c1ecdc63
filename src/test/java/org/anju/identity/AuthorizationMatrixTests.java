package org.anju.identity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anju.AnjuSpringTest;
import org.anju.Endpoints;
import org.anju.RegistryFixtures;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the HTTP API called by every kind of caller, generated from the
 * application's own request mappings, so that a new endpoint is covered the day it is
 * added: nobody gets in without a token but to the few public calls; a resident's token
 * opens only the resident's own few calls; where an endpoint declares the permission it
 * needs, each role without it is refused with 403, and each role with it gets past the
 * check. Where an endpoint leaves the check to its service, the permission it needs is
 * declared here, in {@link #SERVICE_CHECKED}, and a mapping declared nowhere fails the
 * test. The calls carry made-up ids and empty bodies: what matters is whether the caller
 * was let in, not what the call would have done.
 */
@AnjuSpringTest
class AuthorizationMatrixTests {

	/** Calls that need no token. */
	private static final Set<String> PUBLIC = Set.of("POST /api/v1/auth/token", "POST /api/v1/portal/token");

	/**
	 * Calls about one's own account, which every signed-in caller, residents too, may
	 * make.
	 */
	private static final Set<String> OWN_ACCOUNT = Set.of("GET /api/v1/auth/me", "POST /api/v1/auth/password",
			"DELETE /api/v1/auth/token", "POST /api/v1/auth/two-factor", "POST /api/v1/auth/two-factor/confirm",
			"POST /api/v1/auth/two-factor/disable");

	/**
	 * What a resident reads besides: their own appeals, which the service limits them to.
	 */
	private static final Set<String> RESIDENT_READS = Set.of("GET /api/v1/appeals", "GET /api/v1/appeals/{id}",
			"GET /api/v1/appeals/{id}/attachments", "GET /api/v1/appeals/{id}/attachments/{attachmentId}");

	/**
	 * Calls that change something an empty body or a made-up id cannot keep them from
	 * changing, or that work through the whole community (a backtest scores it for every
	 * day of two months): only the refusals are checked, never a call that would get
	 * through.
	 */
	private static final Set<String> NOT_CALLED_WHEN_ALLOWED = Set.of("DELETE /api/v1/auth/token",
			"POST /api/v1/backups", "POST /api/v1/risk/recompute", "POST /api/v1/dashboard/rebuild",
			"POST /api/v1/risk-model/backtest");

	/**
	 * The permission each endpoint that declares none checks in its service;
	 * {@code STAFF} for any signed-in staff member.
	 */
	private static final Map<String, String> SERVICE_CHECKED = Map.ofEntries(
			Map.entry("GET /api/v1/appeals", "APPEALS_READ"), Map.entry("GET /api/v1/appeals/{id}", "APPEALS_READ"),
			Map.entry("GET /api/v1/appeals/{id}/attachments", "APPEALS_READ"),
			Map.entry("GET /api/v1/appeals/{id}/attachments/{attachmentId}", "APPEALS_READ"),
			Map.entry("POST /api/v1/appeals", "APPEALS_INTAKE"),
			// each action needs its own permission, and every staff role has one of them
			Map.entry("POST /api/v1/appeals/{id}/{action}", "STAFF"), Map.entry("GET /api/v1/calendar/{year}", "STAFF"),
			Map.entry("GET /api/v1/departments", "STAFF"), Map.entry("GET /api/v1/conflicts", "STABILITY_READ"),
			Map.entry("GET /api/v1/conflicts/{id}", "STABILITY_READ"),
			Map.entry("POST /api/v1/conflicts", "STABILITY_WORK"),
			Map.entry("POST /api/v1/conflicts/{id}/{action}", "STABILITY_WORK"),
			Map.entry("GET /api/v1/mood-notes", "STABILITY_READ"),
			Map.entry("GET /api/v1/mood-notes/analysis", "STABILITY_READ"),
			Map.entry("GET /api/v1/mood-notes/{id}", "STABILITY_READ"),
			Map.entry("POST /api/v1/mood-notes", "STABILITY_WORK"),
			Map.entry("GET /api/v1/screening-rounds", "STABILITY_READ"),
			Map.entry("GET /api/v1/screening-rounds/{id}", "STABILITY_READ"),
			Map.entry("POST /api/v1/screening-rounds/{id}/reports", "STABILITY_WORK"),
			Map.entry("GET /api/v1/key-persons", "STABILITY_READ"),
			Map.entry("GET /api/v1/key-persons/intervals", "STABILITY_READ"),
			Map.entry("GET /api/v1/key-persons/{id}", "STABILITY_READ"),
			Map.entry("POST /api/v1/key-persons", "STABILITY_WORK"),
			Map.entry("POST /api/v1/key-persons/{id}/contacts", "STABILITY_WORK"),
			Map.entry("PUT /api/v1/key-persons/{id}/responsible", "STABILITY_WORK"),
			Map.entry("PUT /api/v1/key-persons/{id}/grade-override", "STABILITY_WORK"),
			Map.entry("DELETE /api/v1/key-persons/{id}/grade-override", "STABILITY_WORK"),
			Map.entry("DELETE /api/v1/key-persons/{id}", "STABILITY_WORK"),
			Map.entry("PUT /api/v1/key-persons/intervals/{grade}", "STABILITY_WORK"),
			Map.entry("GET /api/v1/sensitive-dates", "STABILITY_READ"),
			Map.entry("GET /api/v1/sensitive-dates/{id}", "STABILITY_READ"),
			Map.entry("POST /api/v1/sensitive-dates", "STABILITY_WORK"),
			Map.entry("PUT /api/v1/sensitive-dates/{id}", "STABILITY_WORK"),
			Map.entry("DELETE /api/v1/sensitive-dates/{id}", "STABILITY_WORK"),
			Map.entry("GET /api/v1/risk-model", "STABILITY_READ"), Map.entry("PUT /api/v1/risk-model", "RISK_MODEL"),
			Map.entry("GET /api/v1/risk/{subjectType}/{id}", "STABILITY_READ"),
			Map.entry("POST /api/v1/risk/recompute", "RISK_MODEL"),
			Map.entry("POST /api/v1/risk-model/backtest", "RISK_MODEL"),
			Map.entry("GET /api/v1/warnings", "STABILITY_READ"),
			Map.entry("GET /api/v1/warnings/{id}", "STABILITY_READ"),
			Map.entry("POST /api/v1/warnings/{id}/acknowledge", "STABILITY_WORK"),
			Map.entry("POST /api/v1/warnings/{id}/close", "STABILITY_WORK"),
			Map.entry("GET /api/v1/plans", "PLANS_READ"), Map.entry("GET /api/v1/plans/{id}", "PLANS_READ"),
			Map.entry("GET /api/v1/plans/drill-statistics", "PLANS_READ"),
			Map.entry("GET /api/v1/plans/role-gaps", "PLANS_READ"), Map.entry("POST /api/v1/plans", "PLANS_MANAGE"),
			Map.entry("POST /api/v1/plans/{id}/approve", "PLANS_MANAGE"),
			Map.entry("PUT /api/v1/plans/{id}/draft", "PLANS_MANAGE"), Map.entry("GET /api/v1/incidents", "PLANS_READ"),
			Map.entry("GET /api/v1/incidents/{id}", "PLANS_READ"), Map.entry("POST /api/v1/incidents", "INCIDENTS_RUN"),
			// an incident's role holders act on it, and any staff member may hold a role
			Map.entry("POST /api/v1/incidents/{id}/close", "STAFF"),
			Map.entry("POST /api/v1/incidents/{id}/reports", "STAFF"),
			Map.entry("POST /api/v1/incidents/{id}/tasks/{taskId}/done", "STAFF"));

	/** Staff below the leaders: what only leaders and administrators decide. */
	private static final Set<Role> LEADERS_ONLY = Set.of(Role.GRID_WORKER, Role.DEPARTMENT_STAFF);

	/**
	 * Roles that hold an endpoint's permission and are still refused, because the call
	 * reaches beyond their scope: a grid worker does not open a campaign or a visit list
	 * for the whole community, and contact intervals and sensitive dates are the leaders'
	 * to set.
	 */
	private static final Map<String, Set<Role>> NARROWER = Map.of("POST /api/v1/qualification-checks",
			Set.of(Role.GRID_WORKER), "POST /api/v1/visit-lists", Set.of(Role.GRID_WORKER),
			"PUT /api/v1/key-persons/intervals/{grade}", LEADERS_ONLY, "POST /api/v1/sensitive-dates", LEADERS_ONLY,
			"PUT /api/v1/sensitive-dates/{id}", LEADERS_ONLY, "DELETE /api/v1/sensitive-dates/{id}", LEADERS_ONLY);

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserManagement users;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	final Map<Role, String> tokens = new EnumMap<>(Role.class);

	@BeforeEach
	void oneCallerOfEachRole() {
		ApiCallers callers = new ApiCallers(this.mvc, this.json);
		RegistryFixtures registry = new RegistryFixtures(this.places, this.people, this.users);
		RegistryFixtures.Street street = registry.street();
		this.tokens.put(Role.ADMIN, callers.adminToken());
		this.tokens.put(Role.LEADER,
				callers.firstLogin(registry.user(Role.LEADER, Set.of(), null, null), RegistryFixtures.FIRST_PASSWORD));
		this.tokens.put(Role.DEPARTMENT_STAFF, callers.firstLogin(
				registry.user(Role.DEPARTMENT_STAFF, Set.of(), "PROPERTY", null), RegistryFixtures.FIRST_PASSWORD));
		this.tokens.put(Role.GRID_WORKER,
				callers.firstLogin(registry.user(Role.GRID_WORKER, Set.of(street.grid().id()), null, null),
						RegistryFixtures.FIRST_PASSWORD));
		UserAccount resident = registry.user(Role.RESIDENT, Set.of(), null, registry.person(street.room().id()).id());
		this.tokens.put(Role.RESIDENT,
				callers.firstLogin(registry.loginName(resident), RegistryFixtures.FIRST_PASSWORD));
	}

	@Test
	void everyEndpointLetsInOnlyTheCallersItIsFor() {
		List<String> wrong = new ArrayList<>();
		Set<String> undeclared = new TreeSet<>();
		int calls = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
			for (String pattern : mapping.getKey().getPatternValues()) {
				if (!pattern.startsWith("/api/v1/")) {
					continue;
				}
				for (RequestMethod method : methods(mapping.getKey())) {
					String endpoint = method.name() + " " + pattern;
					Endpoint call = new Endpoint(endpoint, HttpMethod.valueOf(method.name()), Endpoints.madeUp(pattern),
							consumed(mapping.getKey()));
					String needs = needs(mapping.getValue(), endpoint);
					if (!PUBLIC.contains(endpoint)) {
						calls++;
						expect(wrong, call, null, 401, true);
					}
					if (needs == null && !OWN_ACCOUNT.contains(endpoint) && !PUBLIC.contains(endpoint)) {
						undeclared.add(endpoint);
					}
					for (Role role : Role.values()) {
						boolean allowed = allowed(role, needs, endpoint);
						if (allowed && NOT_CALLED_WHEN_ALLOWED.contains(endpoint)) {
							continue;
						}
						calls++;
						expect(wrong, call, role, 403, !allowed);
					}
				}
			}
		}
		assertThat(undeclared).as("endpoints that declare no permission, nor are declared here").isEmpty();
		assertThat(wrong).as("out of %d calls", calls).isEmpty();
		assertThat(calls).as("the matrix reached the API").isGreaterThan(200);
	}

	private void expect(List<String> wrong, Endpoint call, @Nullable Role role, int refusal, boolean refused) {
		MockHttpServletResponse response = call(call, (role != null) ? this.tokens.get(role) : null);
		int status = response.getStatus();
		String who = (role != null) ? role.name() : "ANONYMOUS";
		if (refused && status != refusal) {
			wrong.add(who + " " + call.name() + " → " + status + ", expected " + refusal + ": "
					+ ApiCallers.content(response));
		}
		if (!refused && (status == 401 || status == 403)) {
			wrong.add(who + " " + call.name() + " → " + status + ", expected to get past the check");
		}
	}

	private static boolean allowed(Role role, @Nullable String needs, String endpoint) {
		if (role == Role.RESIDENT) {
			return OWN_ACCOUNT.contains(endpoint) || RESIDENT_READS.contains(endpoint) || PUBLIC.contains(endpoint);
		}
		if (NARROWER.getOrDefault(endpoint, Set.of()).contains(role)) {
			return false;
		}
		if (needs == null || needs.equals("STAFF")) {
			return true;
		}
		return role.may(Permission.valueOf(needs));
	}

	/**
	 * @return the permission the endpoint declares, {@code STAFF} for any staff member,
	 * or what {@link #SERVICE_CHECKED} says
	 */
	private static @Nullable String needs(HandlerMethod handler, String endpoint) {
		PreAuthorize declared = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
		if (declared == null) {
			declared = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
		}
		if (declared == null) {
			return SERVICE_CHECKED.get(endpoint);
		}
		Matcher authority = Pattern.compile("^hasAuthority\\('([A-Z_]+)'\\)$").matcher(declared.value());
		if (authority.matches()) {
			return authority.group(1);
		}
		if (declared.value().equals("!hasRole('RESIDENT')")) {
			return "STAFF";
		}
		throw new IllegalStateException(endpoint + ": the matrix cannot read " + declared.value());
	}

	private MockHttpServletResponse call(Endpoint endpoint, @Nullable String token) {
		AbstractMockHttpServletRequestBuilder<?> request;
		if (endpoint.consumes() != null && endpoint.consumes().includes(MediaType.MULTIPART_FORM_DATA)) {
			request = MockMvcRequestBuilders.multipart(endpoint.method(), endpoint.url())
				.file(new MockMultipartFile("file", "x.xlsx", "application/octet-stream", new byte[] { 1 }));
		}
		else {
			request = MockMvcRequestBuilders.request(endpoint.method(), endpoint.url())
				.contentType((endpoint.consumes() != null) ? endpoint.consumes() : MediaType.APPLICATION_JSON)
				.content("{}");
		}
		request.header("If-Match", "\"0\"").header("Idempotency-Key", UUID.randomUUID().toString());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return this.mvc.perform(request).andReturn().getResponse();
		}
		catch (Exception ex) {
			throw new IllegalStateException(endpoint.name(), ex);
		}
	}

	private static Set<RequestMethod> methods(RequestMappingInfo info) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		return methods.isEmpty() ? Set.of(RequestMethod.GET) : methods;
	}

	private static @Nullable MediaType consumed(RequestMappingInfo info) {
		return info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst().orElse(null);
	}

	private record Endpoint(String name, HttpMethod method, String url, @Nullable MediaType consumes) {
	}

}
