package org.anju.stability;

import java.time.LocalDate;
import java.util.Set;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.calendar.WorkingCalendar;
import org.anju.console.ConsoleFixtures;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.anju.RegistryFixtures.COMMUNITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The console's key persons and sensitive dates: designated from the person's page,
 * contacted and graded from the key person's page, listed with the overdue flag, and the
 * calendar kept by leaders; a form with mistakes keeps what was typed.
 */
@AnjuSpringTest
class KeyPersonConsoleTests {

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
	void aGridWorkerDesignatesFromThePersonsPageLogsAContactAndOverridesTheGrade() throws Exception {
		assertThat(page(this.worker, "/people/" + this.retiree.id()))
			.contains("/key-persons/new?personId=" + this.retiree.id());
		assertThat(page(this.worker, "/key-persons/new?personId=" + this.retiree.id())).contains(this.retiree.name());

		MockHttpServletResponse refused = send(this.worker,
				post("/key-persons/new").param("personId", String.valueOf(this.retiree.id()))
					.param("reason", "多次扬言越级上访")
					.param("responsibleUserId", String.valueOf(this.worker.userId())));
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("多次扬言越级上访").contains("此项必填");

		MockHttpServletResponse designated = send(this.worker,
				post("/key-persons/new").param("personId", String.valueOf(this.retiree.id()))
					.param("reason", "多次扬言越级上访")
					.param("grade", "B")
					.param("explanation", "近三月 2 件重复诉求")
					.param("responsibleUserId", String.valueOf(this.worker.userId())));
		assertThat(designated.getStatus()).isEqualTo(302);
		String location = designated.getRedirectedUrl();
		long id = Long.parseLong(location.replaceAll("\\D*(\\d+).*", "$1"));
		assertThat(page(this.worker, "/key-persons/" + id)).contains("近三月 2 件重复诉求").contains("B 类");

		String today = LocalDate.now(WorkingCalendar.ZONE).toString();
		assertThat(send(this.worker,
				post("/key-persons/" + id + "/contacts").param("date", today)
					.param("method", "VISIT")
					.param("summary", "上门走访，反映孙子入学问题")
					.param("mood", "CONCERNED"))
			.getStatus()).isEqualTo(302);
		assertThat(page(this.worker, "/key-persons/" + id)).contains("上门走访，反映孙子入学问题").contains("已记思想动态");

		long version = this.jdbc.sql("select version from key_person where community_id = 1 and id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		MockHttpServletResponse reasonless = send(this.worker,
				post("/key-persons/" + id + "/override").param("version", String.valueOf(version)).param("grade", "A"));
		assertThat(reasonless.getStatus()).isEqualTo(422);
		assertThat(reasonless.getContentAsString()).contains("此项必填");
		assertThat(send(this.worker,
				post("/key-persons/" + id + "/override").param("version", String.valueOf(version))
					.param("grade", "A")
					.param("reason", "扬言组织集体上访"))
			.getStatus()).isEqualTo(302);
		assertThat(page(this.worker, "/key-persons/" + id)).contains("扬言组织集体上访").contains("A 类");
		assertThat(page(this.worker, "/key-persons?grade=A")).contains("/key-persons/" + id + "\"");
		assertThat(page(this.worker, "/key-persons?grade=C")).doesNotContain("/key-persons/" + id + "\"");
	}

	@Test
	void theListFlagsAnOverdueKeyPersonAndALeaderKeepsTheContactPlan() throws Exception {
		long id = this.jdbc
			.sql("""
					insert into key_person (community_id, person_id, reason, computed_grade, computed_explanation, computed_at,
					                        responsible_user_id, designated_on, designated_by, next_due)
					values (1, :person, '长期上访', 'A', '长期上访', now(), :worker, :designated, 'test', :due)
					returning id
					""")
			.param("person", this.retiree.id())
			.param("worker", this.worker.userId())
			.param("designated", LocalDate.now(WorkingCalendar.ZONE).minusDays(12))
			.param("due", LocalDate.now(WorkingCalendar.ZONE).minusDays(5))
			.query(Long.class)
			.single();

		assertThat(page(this.worker, "/key-persons?overdue=true")).contains("/key-persons/" + id + "\"")
			.contains("逾期 5 天");
		assertThat(page(this.worker, "/key-persons")).doesNotContain("name=\"A\"");
		assertThat(send(this.worker, post("/key-persons/intervals").param("A", "5")).getStatus()).isEqualTo(403);
		MockHttpServletResponse refused = send(this.leader,
				post("/key-persons/intervals").param("A", "0").param("B", "30").param("C", "91"));
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("联系周期须在 1 到 366 天之间");
	}

	@Test
	void aLeaderAddsASensitiveDateAndAGridWorkerOnlyReadsTheCalendar() throws Exception {
		int year = 2060 + (int) (System.nanoTime() % 9);
		MockHttpServletResponse refused = send(this.leader,
				post("/sensitive-dates").param("title", "养老金调整方案公布")
					.param("kind", "POLICY")
					.param("startsOn", year + "-07-10")
					.param("endsOn", year + "-07-01"));
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("养老金调整方案公布").contains("结束日期不能早于开始日期");

		MockHttpServletResponse saved = send(this.leader,
				post("/sensitive-dates").param("title", "养老金调整方案公布")
					.param("kind", "POLICY")
					.param("startsOn", year + "-07-10")
					.param("groupCodes", "RETIRED")
					.param("leadDays", "14"));
		assertThat(saved.getStatus()).isEqualTo(302);
		String calendar = page(this.worker, "/sensitive-dates?year=" + year);
		assertThat(calendar).contains("养老金调整方案公布")
			.contains("自 " + year + "-06-26 起关注")
			.doesNotContain("name=\"title\"");
		assertThat(send(this.worker,
				post("/sensitive-dates").param("title", "x").param("kind", "EVENT").param("startsOn", year + "-01-01"))
			.getStatus()).isEqualTo(403);
	}

	private String page(CurrentUser user, String path) throws Exception {
		MockHttpServletResponse response = send(user, get(path));
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	private MockHttpServletResponse send(CurrentUser user, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc
			.perform(request.with(authentication(ConsoleFixtures.signedIn(user)))
				.with(csrf())
				.locale(java.util.Locale.SIMPLIFIED_CHINESE))
			.andReturn()
			.getResponse();
	}

	private CurrentUser account(Role role, Set<Long> grids) {
		UserAccount opened = this.registry.user(role, grids, null, null);
		this.users.changeOwnPassword(ConsoleFixtures.user(opened), RegistryFixtures.FIRST_PASSWORD, PASSWORD);
		return ConsoleFixtures.user(this.users.get(COMMUNITY, opened.id()));
	}

}
