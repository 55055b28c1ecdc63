package org.anju.stability;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealView;
import org.anju.appeals.Channel;
import org.anju.appeals.NewAppeal;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.anju.RegistryFixtures.COMMUNITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The stability pages as staff use them: an appeal escalated from its page, a case
 * registered and mediated, a form that keeps what was typed, a zero report from the board
 * and a mood note from a person's page.
 */
@AnjuSpringTest
class StabilityConsoleTests {

	private static final String PASSWORD = "Later-Pass-2";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserManagement users;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	AppealManagement appeals;

	@Autowired
	ScreeningRounds rounds;

	@Autowired
	JdbcClient jdbc;

	RegistryFixtures registry;

	Street street;

	Person retiree;

	CurrentUser worker;

	CurrentUser leader;

	@BeforeEach
	void aGridWithItsWorkerAndALeader() {
		this.registry = new RegistryFixtures(this.places, this.people, this.users);
		this.street = this.registry.street();
		this.retiree = this.registry.person(this.street.room().id());
		this.worker = account(Role.GRID_WORKER, Set.of(this.street.grid().id()));
		this.leader = account(Role.LEADER, Set.of());
	}

	@Test
	void anAppealIsEscalatedFromItsPageAndThePagesLinkEachOther() throws Exception {
		AppealView appeal = this.appeals.submit(RegistryFixtures.admin(), new NewAppeal(this.retiree.id(), null, null,
				List.of(), "PENSION", Channel.WALK_IN, "养老金未调整", "今年养老金未按时调整", null, 3, false, false, null));
		assertThat(page(this.worker, "/appeals/" + appeal.id())).contains("/conflicts/new?appealId=" + appeal.id());

		String form = page(this.worker, "/conflicts/new?appealId=" + appeal.id());
		assertThat(form).contains("养老金未调整").contains("value=\"" + this.retiree.id() + "\"");

		MockHttpServletResponse registered = send(this.worker,
				post("/conflicts/new").param("sourceAppealId", String.valueOf(appeal.id()))
					.param("type", "LABOUR_BENEFITS")
					.param("level", "SERIOUS")
					.param("title", "养老金未调整")
					.param("description", "今年养老金未按时调整")
					.param("partyPersonIds", String.valueOf(this.retiree.id()))
					.param("peopleCount", "3")
					.param("gridId", String.valueOf(this.street.grid().id()))
					.param("ownerLeaderId", String.valueOf(this.leader.userId())));
		assertThat(registered.getStatus()).isEqualTo(302);
		long id = Long.parseLong(registered.getRedirectedUrl().replaceAll("\\D*(\\d+).*", "$1"));
		assertThat(this.jdbc.sql("select source_appeal_id from conflict_case where community_id = 1 and id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(appeal.id());

		assertThat(page(this.worker, "/appeals/" + appeal.id())).contains("/conflicts/" + id + "\"")
			.doesNotContain("/conflicts/new?appealId=");
		assertThat(page(this.worker, "/conflicts/" + id)).contains("/appeals/" + appeal.id())
			.contains(this.retiree.name())
			.contains("较大");
		assertThat(send(this.worker, get("/conflicts/new").param("appealId", String.valueOf(appeal.id())))
			.getRedirectedUrl()).as("a second escalation opens the first case").isEqualTo("/conflicts/" + id);
	}

	@Test
	void aFormWithMistakesKeepsWhatWasTypedAndAStepOnAStaleVersionIsRefused() throws Exception {
		MockHttpServletResponse refused = send(this.worker,
				post("/conflicts/new").param("title", "邻里噪音")
					.param("description", "楼上夜间噪音")
					.param("level", "ORDINARY")
					.param("gridId", String.valueOf(this.street.grid().id())));
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("邻里噪音").contains("此项必填");

		MockHttpServletResponse registered = send(this.worker,
				post("/conflicts/new").param("type", "NEIGHBOUR")
					.param("title", "邻里噪音")
					.param("description", "楼上夜间噪音")
					.param("level", "ORDINARY")
					.param("partyPersonIds", String.valueOf(this.retiree.id()))
					.param("gridId", String.valueOf(this.street.grid().id()))
					.param("ownerLeaderId", String.valueOf(this.leader.userId())));
		String location = registered.getRedirectedUrl();
		assertThat(location).startsWith("/conflicts/");
		long id = Long.parseLong(location.replaceAll("\\D*(\\d+).*", "$1"));
		Map<String, String> mediation = Map.of("version", "0", "date", LocalDate.now().minusDays(1).toString(),
				"method", "面谈", "participants", "双方", "agreement", "夜间十点后保持安静", "outcome", "双方接受");
		assertThat(act(id, "mediate", mediation).getRedirectedUrl()).isEqualTo("/conflicts/" + id + "?done=mediate");
		MockHttpServletResponse stale = act(id, "stabilise", Map.of("version", "0", "summary", "已稳控"));
		assertThat(stale.getStatus()).isEqualTo(412);
		String page = page(this.worker, "/conflicts/" + id);
		assertThat(page).contains("夜间十点后保持安静").contains("化解中");
	}

	@Test
	void theCaseListShowsTheFilterAsChosen() throws Exception {
		String list = page(this.worker, "/conflicts?type=NEIGHBOUR&level=MAJOR");

		assertThat(list.split("selected=\"selected\"", -1)).as("two options chosen").hasSize(3);
		assertThat(list).containsPattern("<option value=\"NEIGHBOUR\" selected=\"selected\">")
			.containsPattern("<option value=\"MAJOR\" selected=\"selected\">");
	}

	@Test
	void aFindingReportedFromTheBoardWithAMistakeShowsTheMessageNextToItsField() throws Exception {
		long round = this.rounds.open(COMMUNITY, LocalDate.of(2032, 8, 2));

		MockHttpServletResponse refused = send(this.worker,
				post("/conflicts/new").param("roundId", String.valueOf(round))
					.param("title", "楼道堆物")
					.param("description", "楼道长期堆放杂物")
					.param("level", "ORDINARY")
					.param("gridId", String.valueOf(this.street.grid().id())));

		assertThat(refused.getStatus()).isEqualTo(422);
		// the round names the finding's fields findings[0].type: the form shows it at
		// type
		assertThat(refused.getContentAsString()).contains("楼道堆物")
			.containsPattern("(?s)name=\"type\".*?</select>\\s*<small class=\"error\">[^<]+</small>");
	}

	@Test
	void aGridWorkerFilesAZeroReportFromTheBoardAndAMoodNoteFromAPersonsPage() throws Exception {
		long round = this.rounds.open(COMMUNITY, LocalDate.of(2032, 5, 3));
		String board = page(this.worker, "/screening?roundId=" + round);
		assertThat(board).contains("2032-05").contains("未上报");

		MockHttpServletResponse zero = send(this.worker,
				post("/screening/{r}/zero", round).param("gridId", String.valueOf(this.street.grid().id())));
		assertThat(zero.getRedirectedUrl()).startsWith("/screening?roundId=" + round);
		assertThat(page(this.worker, "/screening?roundId=" + round)).contains("零报告").doesNotContain("未上报");

		assertThat(page(this.worker, "/people/" + this.retiree.id()))
			.contains("/mood-notes/new?personId=" + this.retiree.id());
		MockHttpServletResponse filed = send(this.worker,
				post("/mood-notes/new").param("subjectType", "PERSON")
					.param("personId", String.valueOf(this.retiree.id()))
					.param("date", LocalDate.now().minusDays(1).toString())
					.param("source", "VISIT")
					.param("mood", "CONCERNED")
					.param("topics", "PENSION")
					.param("tags", "养老金，调标")
					.param("summary", "关心今年调标"));
		assertThat(filed.getRedirectedUrl()).startsWith("/mood-notes?personId=" + this.retiree.id());
		assertThat(page(this.worker, "/mood-notes?personId=" + this.retiree.id())).contains("关心今年调标")
			.contains("#调标")
			.contains("关注");
		assertThat(page(this.worker, "/mood-notes/analysis?groupCode=RETIRED")).contains("思想动态分析").contains("养老金");
		MockHttpServletResponse workbook = send(this.worker,
				get("/mood-notes/analysis.xlsx").param("groupCode", "RETIRED"));
		assertThat(workbook.getStatus()).isEqualTo(200);
		assertThat(workbook.getContentAsByteArray()).startsWith('P', 'K');
		CurrentUser resident = account(Role.RESIDENT, Set.of());
		assertThat(send(resident, get("/conflicts")).getStatus()).isNotEqualTo(200);
		assertThat(send(resident, get("/mood-notes")).getStatus()).isNotEqualTo(200);
	}

	private MockHttpServletResponse act(long id, String action, Map<String, String> fields) throws Exception {
		MockHttpServletRequestBuilder request = post("/conflicts/{id}/act/{a}", id, action);
		fields.forEach(request::param);
		return send(this.worker, request);
	}

	private String page(CurrentUser user, String path) throws Exception {
		MockHttpServletResponse response = send(user, get(path));
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	private MockHttpServletResponse send(CurrentUser user, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(as(user, request)).andReturn().getResponse();
	}

	private CurrentUser account(Role role, Set<Long> grids) {
		Long personId = (role == Role.RESIDENT) ? Long.valueOf(this.retiree.id()) : null;
		UserAccount opened = this.registry.user(role, grids, null, personId);
		this.users.changeOwnPassword(user(opened), RegistryFixtures.FIRST_PASSWORD, PASSWORD);
		return user(this.users.get(COMMUNITY, opened.id()));
	}

	private static CurrentUser user(UserAccount account) {
		return new CurrentUser(COMMUNITY.value(), account.id(), account.username(), account.displayName(),
				account.role(), account.gridIds(), account.departmentCode(), account.personId(),
				account.mustChangePassword());
	}

	private static MockHttpServletRequestBuilder as(CurrentUser user, MockHttpServletRequestBuilder request) {
		List<SimpleGrantedAuthority> authorities = user.role()
			.permissions()
			.stream()
			.map((permission) -> new SimpleGrantedAuthority(permission.name()))
			.collect(Collectors.toList());
		authorities.add(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
		Authentication signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
		return request.with(authentication(signedIn)).with(csrf()).locale(java.util.Locale.SIMPLIFIED_CHINESE);
	}

}
