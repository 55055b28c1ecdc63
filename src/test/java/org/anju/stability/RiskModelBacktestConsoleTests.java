package org.anju.stability;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealFlag;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealState;
import org.anju.appeals.Channel;
import org.anju.appeals.PastAppeal;
import org.anju.calendar.WorkingCalendar;
import org.anju.console.ConsoleFixtures;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A leader tries a heavier weight for mood notes on the risk-model page before saving it:
 * a resident whose agitated note (day −6) the current weights leave at blue went over the
 * community's head on day −2; the draft would have flagged him four days ahead. The
 * backtest writes nothing, keeps what was typed, and names a bad weight.
 */
@AnjuSpringTest
class RiskModelBacktestConsoleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	UserManagement users;

	@Autowired
	MoodNotes notes;

	@Autowired
	AppealManagement appeals;

	@Autowired
	AppealCategories categories;

	@Autowired
	RiskEngine engine;

	BacktestCommunity community;

	Person resident;

	long petition;

	@BeforeEach
	void anAgitatedResidentWhoWentOverTheCommunitysHead() {
		this.community = new BacktestCommunity(this.jdbc, this.places, this.people, this.users);
		CurrentUser admin = this.community.admin;
		this.resident = this.community.person(this.community.grid(), "FAMILY_RESIDENT");
		LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
		// agitated (4) × the mood weight 3 = 12: blue for a person; with 4 it is 16,
		// yellow
		this.notes.file(admin, new NewMoodNote("PERSON", this.resident.id(), null, null, today.minusDays(6).toString(),
				"VISIT", "AGITATED", List.of(), List.of(), "扬言去省里反映"));
		AppealCategory housing = this.categories.get(this.community.community(), "HOUSING");
		this.petition = this.appeals.recordPast(admin,
				new PastAppeal(null, AppealState.IN_PROGRESS, Channel.REFERRAL, housing, housing.departmentCode(),
						this.resident, null, null, "越级到省信访局反映", "越级到省信访局反映。",
						today.minusDays(2).atTime(LocalTime.of(9, 30)).atZone(WorkingCalendar.ZONE).toInstant(), null,
						null, null, Map.of("test", "backtest"), 1, Set.of(AppealFlag.ESCALATED)));
		// the live engine scores the community now, so that the marks the note and the
		// appeal leave recompute nothing new while a test counts rows
		this.engine.recomputeAll(this.community.community());
	}

	@Test
	void theDraftIsBacktestedSideBySideWithTheCurrentModelWritingNothingAndKeepingWhatWasTyped() throws Exception {
		CurrentUser leader = this.community.leader;
		assertThat(page(leader, get("/risk-model"))).contains("accesskey=\"b\"").contains("/risk-model/backtest");
		Map<String, Long> before = rows();

		MockHttpServletResponse shown = send(leader,
				post("/risk-model/backtest").param("version", "1")
					.param("weight.MOOD_NOTES", "4")
					.param("threshold.PERSON.BLUE", "8")
					.param("threshold.PERSON.YELLOW", "15")
					.param("threshold.PERSON.ORANGE", "25")
					.param("threshold.PERSON.RED", "41")
					.param("note", "加重思想动态"));

		assertThat(shown.getStatus()).isEqualTo(200);
		String page = shown.getContentAsString();
		assertThat(cells(page, "backtest-hits")).containsExactly("0", "1");
		assertThat(cells(page, "backtest-misses")).containsExactly("1", "0");
		assertThat(cells(page, "backtest-false")).containsExactly("0", "0");
		assertThat(page).contains("/appeals/" + this.petition + "\"")
			.contains("/people/" + this.resident.id() + "\"")
			.contains("提前 4 天")
			.contains("自 " + LocalDate.now(WorkingCalendar.ZONE).minusDays(6));
		assertThat(page).as("the form keeps what was typed")
			.contains("name=\"weight.MOOD_NOTES\" value=\"4\"")
			.contains("name=\"threshold.PERSON.RED\" value=\"41\"")
			.contains("value=\"加重思想动态\"");
		assertThat(rows()).as("no model version, score, warning or audit row").isEqualTo(before);
		assertThat(page(leader, get("/risk-model"))).contains("name=\"weight.MOOD_NOTES\" value=\"3.0\"");
	}

	@Test
	void aBadDraftWeightIsNamedWithNothingWrittenAndAGridWorkerMayNotBacktest() throws Exception {
		CurrentUser leader = this.community.leader;
		page(leader, get("/risk-model"));
		Map<String, Long> before = rows();

		MockHttpServletResponse refused = send(leader,
				post("/risk-model/backtest").param("weight.MOOD_NOTES", "-1").param("lookbackDays", "2.5"));
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("weights.MOOD_NOTES: 权重须在 0 到")
			.contains("lookbackDays: 提前观察天数须在 1 到 30 之间")
			.contains("name=\"weight.MOOD_NOTES\" value=\"-1\"")
			.doesNotContain("class=\"backtest-hits\"");

		MockHttpServletResponse api = this.mvc
			.perform(post("/api/v1/risk-model/backtest").with(authentication(ConsoleFixtures.signedIn(leader)))
				.contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "en")
				.content(this.json.writeValueAsString(Map.of("weights", Map.of("MOOD_NOTES", 2000, "NO_SUCH", 1),
						"thresholds", Map.of("PERSON", Map.of("BLUE", 10, "YELLOW", 5, "ORANGE", 20, "RED", 30))))))
			.andReturn()
			.getResponse();
		assertThat(api.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(api.getContentAsString(), "$.errors[*].field"))
			.containsExactlyInAnyOrder("weights.MOOD_NOTES", "weights.NO_SUCH", "thresholds.PERSON");
		assertThat(rows()).isEqualTo(before);

		CurrentUser gridWorker = this.community.account(Role.GRID_WORKER, Set.of(this.resident.gridId()));
		assertThat(send(gridWorker, post("/risk-model/backtest").param("weight.MOOD_NOTES", "4")).getStatus())
			.isEqualTo(403);
	}

	@Test
	void theApiBacktestsADraftWhenGivenWeights() throws Exception {
		CurrentUser leader = this.community.leader;
		String current = api(leader, Map.of());
		String draft = api(leader, Map.of("weights", Map.of("MOOD_NOTES", 4)));
		Map<String, Long> before = rows();
		assertThat((Boolean) JsonPath.read(current, "$.draft")).isFalse();
		assertThat((Integer) JsonPath.read(current, "$.hits")).isZero();
		assertThat((Boolean) JsonPath.read(draft, "$.draft")).isTrue();
		assertThat((Integer) JsonPath.read(draft, "$.hits")).as(draft).isEqualTo(1);
		assertThat((Integer) JsonPath.read(draft, "$.incidents[0].leadDays")).isEqualTo(4);
		assertThat((List<String>) JsonPath.read(draft, "$.incidents[0].signals")).containsExactly("MOOD_NOTES");
		api(leader, Map.of("weights", Map.of("MOOD_NOTES", 4)));
		assertThat(rows()).isEqualTo(before);
	}

	private String api(CurrentUser user, Map<String, Object> body) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(post("/api/v1/risk-model/backtest").with(authentication(ConsoleFixtures.signedIn(user)))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body)))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString();
	}

	/**
	 * @return the rows a backtest must not write, by table, in the test's community:
	 * model versions, scores, warnings and their audit rows
	 */
	private Map<String, Long> rows() {
		return Map.of("risk_model", count("risk_model", "true"), "risk_score", count("risk_score", "true"), "warning",
				count("warning", "true"), "audit_event",
				count("audit_event", "subject_type in ('RISK_MODEL', 'WARNING')"));
	}

	private long count(String table, String condition) {
		return this.jdbc.sql("select count(*) from " + table + " where community_id = :c and " + condition)
			.param("c", this.community.community().value())
			.query(Long.class)
			.single();
	}

	/**
	 * @return the texts of the cells of a class, in order
	 */
	private static List<String> cells(String page, String cssClass) {
		Matcher matcher = Pattern.compile("<td class=\"" + cssClass + "\">([^<]*)</td>").matcher(page);
		return matcher.results().map((result) -> result.group(1)).toList();
	}

	private String page(CurrentUser user, MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = send(user, request);
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private MockHttpServletResponse send(CurrentUser user, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(authentication(ConsoleFixtures.signedIn(user))).with(csrf()))
			.andReturn()
			.getResponse();
	}

}
