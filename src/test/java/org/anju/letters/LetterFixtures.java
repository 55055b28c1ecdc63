package org.anju.letters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealFixtures;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealView;
import org.anju.appeals.Channel;
import org.anju.appeals.NewAppeal;
import org.anju.appeals.RoutingRules;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * An area with a head who holds the area's post, letters to it and appeals in it, made
 * through the public API and services, as the administrator.
 */
public final class LetterFixtures {

	public final ApiCallers callers;

	public final String admin;

	public final RegistryFixtures registry;

	private final AppealManagement appeals;

	private final AppealCategory category;

	public LetterFixtures(ApiCallers callers, RegistryFixtures registry, AppealManagement appeals,
			AppealCategories categories, RoutingRules rules) {
		this.callers = callers;
		this.admin = callers.adminToken();
		this.registry = registry;
		this.appeals = appeals;
		this.category = new AppealFixtures(categories, rules).category("PROPERTY");
	}

	/**
	 * @return the fixtures over the test's own application context, the way the letters'
	 * tests all build them
	 */
	public static LetterFixtures from(ApplicationContext context) {
		RegistryFixtures registry = new RegistryFixtures(context.getBean(PlaceManagement.class),
				context.getBean(PersonManagement.class), context.getBean(UserManagement.class));
		return new LetterFixtures(new ApiCallers(context.getBean(MockMvc.class), context.getBean(ObjectMapper.class)),
				registry, context.getBean(AppealManagement.class), context.getBean(AppealCategories.class),
				context.getBean(RoutingRules.class));
	}

	/**
	 * An area (with its street down to a room) whose head, a grid worker of its grid,
	 * holds the area's post.
	 */
	public Area area() {
		Street street = this.registry.street();
		UserAccount head = this.registry.user(Role.GRID_WORKER, Set.of(street.grid().id()), null, null);
		MockHttpServletResponse created = call(
				post("/api/v1/posts").content(this.callers.body(Map.of("unitId", street.area().id(), "name",
						RegistryFixtures.unique("片区长"), "businessDuties", "片区服务", "stabilityDuties", "片区稳定第一责任人"))),
				this.admin);
		assertThat(created.getStatus()).as(content(created)).isEqualTo(201);
		long post = ((Number) JsonPath.read(content(created), "$.id")).longValue();
		MockHttpServletResponse held = call(put("/api/v1/posts/{id}/holder", post).header("If-Match", "0")
			.content(this.callers.body(Map.of("userId", head.id()))), this.admin);
		assertThat(held.getStatus()).as(content(held)).isEqualTo(200);
		return new Area(street, head, this.callers.firstLogin(head, RegistryFixtures.FIRST_PASSWORD), post);
	}

	/**
	 * @return the id of the administration (行政), the unit above every area
	 */
	public long administration() {
		String tree = content(call(get("/api/v1/units"), this.admin));
		List<Integer> ids = JsonPath.read(tree, "$.items[?(@.kind == 'ADMINISTRATION')].id");
		return ids.get(0);
	}

	public static Map<String, Object> target(String metric, String kind, Object threshold, Object points,
			Object deduction) {
		return Map.of("metric", metric, "kind", kind, "threshold", threshold, "points", points, "deduction", deduction);
	}

	/**
	 * The usual targets of an area's letter: collective appeals a veto, skipped levels
	 * scored 20 less 5 each, on-time resolution 90 % scored 30 less 2 each, satisfaction
	 * 80 % a bonus of 5.
	 */
	public static List<Map<String, Object>> areaTargets() {
		return List.of(target("COLLECTIVE_APPEALS", "VETO", 0, 10, 0), target("ESCALATED_APPEALS", "SCORED", 0, 20, 5),
				target("ON_TIME_RESOLUTION", "SCORED", 90, 30, 2), target("CALLBACK_SATISFACTION", "BONUS", 80, 5, 0));
	}

	public MockHttpServletResponse create(long issuer, long recipient, @Nullable Long post, int year,
			List<Map<String, Object>> targets) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", RegistryFixtures.unique("稳定工作责任状"));
		body.put("issuerUnitId", issuer);
		body.put("recipientUnitId", recipient);
		body.put("recipientPostId", post);
		body.put("year", year);
		body.put("targets", targets);
		return call(post("/api/v1/letters").content(this.callers.body(body)), this.admin);
	}

	/**
	 * @return the id of a letter from the administration to the area's post
	 */
	public long letter(Area area, int year) {
		MockHttpServletResponse created = create(administration(), area.street().area().id(), area.post(), year,
				areaTargets());
		assertThat(created.getStatus()).as(content(created)).isEqualTo(201);
		return ((Number) JsonPath.read(content(created), "$.id")).longValue();
	}

	public MockHttpServletResponse sign(long letter, int version, String token) {
		return call(post("/api/v1/letters/{id}/sign", letter).content(this.callers.body(Map.of("version", version))),
				token);
	}

	/**
	 * @param peopleCount five or more makes it a collective appeal
	 */
	public AppealView appeal(Street street, int peopleCount, boolean escalated) {
		return this.appeals.submit(RegistryFixtures.admin(),
				new NewAppeal(null, RegistryFixtures.chineseName(), RegistryFixtures.mobile(), List.of(),
						this.category.code(), Channel.WALK_IN, RegistryFixtures.unique("诉求"), "详情见登记",
						street.room().id(), peopleCount, escalated, false, null));
	}

	public MockHttpServletResponse call(MockHttpServletRequestBuilder request, String token) {
		return this.callers.perform(bearer(request.contentType(MediaType.APPLICATION_JSON), token));
	}

	/**
	 * An area, its head (a grid worker holding the area's post) and the head's token.
	 */
	public record Area(Street street, UserAccount head, String headToken, long post) {
	}

}
