package org.anju.stability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealFixtures;
import org.anju.appeals.RoutingRules;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonForm;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.anju.shared.IdNumberFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.anju.RegistryFixtures.COMMUNITY;
import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The early-warning story of issue 4, over the API: a group of 协解 retirees files benefit
 * appeals over a week; the engine raises a group warning that says why; the liaison
 * acknowledges it and files a mood note; a conflict case is opened, owned by a leader,
 * mediated and resolved; and the warning is closed.
 */
@AnjuSpringTest
class RetireeGroupWarningStoryTests {

	private static final String GROUP = "CONTRACT_TERMINATED_RETIRED";

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	UserManagement users;

	@Autowired
	AppealCategories categories;

	@Autowired
	RoutingRules rules;

	@Autowired
	RiskEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aGroupsBenefitAppealsRaiseAWarningThatIsAcknowledgedWorkedAndClosed() {
		ApiCallers callers = new ApiCallers(this.mvc, this.json);
		String admin = callers.adminToken();
		RegistryFixtures registry = new RegistryFixtures(this.places, this.people, this.users);
		Street east = registry.street();
		Street west = registry.street();
		AppealCategory benefits = new AppealFixtures(this.categories, this.rules).category("RETIREE_AFFAIRS");
		UserAccount liaison = registry.user(Role.LEADER, Set.of(), null, null);
		String leader = callers.firstLogin(liaison, RegistryFixtures.FIRST_PASSWORD);

		// 1. six retirees of the group file benefit appeals over the week
		List<Long> retirees = new ArrayList<>();
		List<Integer> appeals = new ArrayList<>();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		for (int day = 0; day < 6; day++) {
			Street street = (day % 2 == 0) ? east : west;
			Person retiree = registry
				.person(new PersonForm(RegistryFixtures.chineseName(), IdNumberFixtures.newIdNumber(),
						RegistryFixtures.mobile(), street.room().id(), List.of(GROUP), null, "化工厂", null));
			retirees.add(retiree.id());
			MockHttpServletResponse filed = callers.perform(json(bearer(post("/api/v1/appeals"), admin), callers,
					Map.of("personId", retiree.id(), "categoryCode", benefits.code(), "channel", "WALK_IN", "title",
							"协解退休待遇", "description", "反映协解退休人员养老待遇偏低", "receivedAt",
							now.minus(6 - day, ChronoUnit.DAYS).toString())));
			assertThat(filed.getStatus()).as(content(filed)).isEqualTo(201);
			appeals.add(JsonPath.read(content(filed), "$.id"));
		}

		// 2. the engine raises a group warning with the right reasons
		// what RiskClocks does every two seconds with the subjects the appeals' events
		// marked
		long warningId = WarningFixtures.eventually(() -> {
			this.engine.recomputeMarked(COMMUNITY, 10_000);
			return this.jdbc
				.sql("""
						select w.id from warning w
						where w.community_id = 1 and w.subject_type = 'GROUP' and w.subject_id = :group and w.state <> 'CLOSED'
						  and exists (select 1 from jsonb_array_elements(w.reasons) r where r ->> 'detail' like :detail)
						""")
				.param("group", GROUP)
				.param("detail", benefits.code() + " × %")
				.query(Long.class)
				.optional();
		});
		String warning = read(callers, get("/api/v1/warnings/{id}", warningId), leader);
		assertThat((String) JsonPath.read(warning, "$.subjectType")).isEqualTo("GROUP");
		assertThat((String) JsonPath.read(warning, "$.level")).isIn("ORANGE", "RED");
		// raised as soon as the fifth person filed, with the reasons of that moment
		assertThat((List<String>) JsonPath.read(warning, "$.reasons[?(@.signal == 'COLLECTIVE_CATEGORY')].detail"))
			.containsAnyOf(benefits.code() + " × 5", benefits.code() + " × 6");
		assertThat((List<Integer>) JsonPath.read(warning,
				"$.reasons[?(@.signal == 'COLLECTIVE_CATEGORY')].evidence[?(@.type == 'APPEAL')].id"))
			.hasSizeGreaterThanOrEqualTo(5)
			.isSubsetOf(appeals);
		assertThat((List<Integer>) JsonPath.read(warning, "$.responsibleUserIds")).contains((int) liaison.id());

		// 3. the liaison acknowledges it and files a mood note about the group
		MockHttpServletResponse acknowledged = callers.perform(json(
				bearer(post("/api/v1/warnings/{id}/acknowledge", warningId), leader).header("If-Match",
						String.valueOf((int) JsonPath.read(warning, "$.version"))),
				callers, Map.of("note", "已约协解退休代表座谈")));
		assertThat(acknowledged.getStatus()).as(content(acknowledged)).isEqualTo(200);
		String today = LocalDate.now(WorkingCalendar.ZONE).toString();
		MockHttpServletResponse note = callers.perform(json(bearer(post("/api/v1/mood-notes"), leader), callers,
				Map.of("subjectType", "GROUP", "groupCode", GROUP, "gridId", east.grid().id(), "date", today, "source",
						"MEETING", "mood", "DISSATISFIED", "topics", List.of(benefits.code()), "summary",
						"座谈中反映养老待遇与同类人员差距大,情绪不满")));
		assertThat(note.getStatus()).as(content(note)).isEqualTo(201);

		// 4. a conflict case is opened, owned by the leader
		Map<String, Object> case_ = new LinkedHashMap<>();
		case_.put("type", "LABOUR_BENEFITS");
		case_.put("title", "协解退休人员待遇诉求");
		case_.put("description", "六名协解退休人员一周内反映养老待遇问题");
		case_.put("level", "SERIOUS");
		case_.put("partyPersonIds", retirees);
		case_.put("partyGroupCodes", List.of(GROUP));
		case_.put("peopleCount", 6);
		case_.put("ownerLeaderId", liaison.id());
		case_.put("gridId", east.grid().id());
		MockHttpServletResponse opened = callers
			.perform(json(bearer(post("/api/v1/conflicts"), leader), callers, case_));
		assertThat(opened.getStatus()).as(content(opened)).isEqualTo(201);
		int caseId = JsonPath.read(content(opened), "$.id");

		// 5. the case is mediated and resolved
		MockHttpServletResponse mediated = callers
			.perform(json(bearer(post("/api/v1/conflicts/{id}/mediate", caseId), leader).header("If-Match", "0"),
					callers, Map.of("date", today, "method", "座谈", "participants", "包案领导、离退休管理部、代表三人", "agreement",
							"按政策复核待遇并书面答复", "outcome", "代表同意等待复核结果")));
		assertThat(mediated.getStatus()).as(content(mediated)).isEqualTo(200);
		MockHttpServletResponse resolved = callers.perform(json(
				bearer(post("/api/v1/conflicts/{id}/resolve", caseId), leader).header("If-Match",
						String.valueOf((int) JsonPath.read(content(mediated), "$.version"))),
				callers, Map.of("confirmedByParties", true, "summary", "复核后补发差额,当事人确认")));
		assertThat(resolved.getStatus()).as(content(resolved)).isEqualTo(200);
		assertThat((String) JsonPath.read(content(resolved), "$.state")).isEqualTo("RESOLVED");

		// 6. the warning is closed as resolved
		String current = read(callers, get("/api/v1/warnings/{id}", warningId), leader);
		MockHttpServletResponse closed = callers.perform(json(
				bearer(post("/api/v1/warnings/{id}/close", warningId), leader).header("If-Match",
						String.valueOf((int) JsonPath.read(current, "$.version"))),
				callers, Map.of("disposition", "RESOLVED", "note", "矛盾已化解,待遇已复核")));
		assertThat(closed.getStatus()).as(content(closed)).isEqualTo(200);
		assertThat((String) JsonPath.read(content(closed), "$.state")).isEqualTo("CLOSED");
		assertThat((String) JsonPath.read(content(closed), "$.disposition")).isEqualTo("RESOLVED");
		assertThat((List<String>) JsonPath.read(content(closed), "$.timeline[*].action")).startsWith("raise")
			.contains("acknowledge")
			.endsWith("close");
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, ApiCallers callers,
			Map<String, ?> body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(callers.body(body));
	}

	private static String read(ApiCallers callers, MockHttpServletRequestBuilder request, String token) {
		MockHttpServletResponse response = callers.perform(bearer(request, token));
		assertThat(response.getStatus()).as(content(response)).isEqualTo(200);
		return content(response);
	}

}
