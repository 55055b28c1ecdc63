package org.anju.stability;

import java.util.Set;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.console.ConsoleFixtures;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.people.InterestGroups;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.identity.UserManagement;
import org.anju.places.PlaceManagement;
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
 * The warning pages as a leader uses them: the list, a warning's "why" with links to the
 * notes behind it, a close that needs a note, an acknowledgement, and the risk model's
 * page that refuses a negative weight.
 */
@AnjuSpringTest
class WarningConsoleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	UserManagement users;

	@Autowired
	InterestGroups groups;

	@Autowired
	MoodNotes notes;

	@Autowired
	RiskEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLeaderReadsWhyAWarningWasRaisedAcknowledgesItAndMustSayWhyItWasAFalseAlarm() throws Exception {
		RegistryFixtures registry = new RegistryFixtures(this.places, this.people, this.users);
		WarningFixtures fixtures = new WarningFixtures(registry, this.groups, this.notes, this.jdbc);
		Person person = registry.person(registry.street().room().id());
		MoodNote note = fixtures.personNote(person.id(), "AGITATED");
		this.engine.recompute(COMMUNITY, Set.of("PERSON:" + person.id()));
		long id = fixtures.openWarning("PERSON", person.id()).orElseThrow();
		CurrentUser leader = leader(registry);

		assertThat(page(leader, "/warnings?state=OPEN&subjectType=PERSON")).contains("/warnings/" + id + "\"");
		String page = page(leader, "/warnings/" + id);
		assertThat(page).as("a leader activates a plan from the warning").contains("/plans?warningId=" + id + "\"");
		assertThat(page(leader, "/plans?warningId=" + id)).contains("warningId=" + id + "\"");
		assertThat(page).contains("预警原因")
			.contains("思想动态 " + note.id())
			.contains("/mood-notes?personId=" + person.id())
			.contains("/people/" + person.id());

		MockHttpServletResponse acknowledged = send(leader,
				post("/warnings/" + id + "/acknowledge").param("version", "0").param("note", "今日走访"));
		assertThat(acknowledged.getRedirectedUrl()).isEqualTo("/warnings/" + id + "?done=acknowledge");
		MockHttpServletResponse noNote = send(leader,
				post("/warnings/" + id + "/close").param("version", "1").param("disposition", "FALSE_ALARM"));
		assertThat(noNote.getStatus()).isEqualTo(422);
		assertThat(noNote.getContentAsString()).contains("按误报关闭须写明原因");
		MockHttpServletResponse stale = send(leader,
				post("/warnings/" + id + "/close").param("version", "0").param("disposition", "VISITED"));
		assertThat(stale.getStatus()).isEqualTo(412);
		assertThat(
				send(leader, post("/warnings/" + id + "/close").param("version", "1").param("disposition", "VISITED"))
					.getRedirectedUrl())
			.isEqualTo("/warnings/" + id + "?done=close");
		assertThat(page(leader, "/warnings/" + id)).contains("已走访").contains("已关闭");
	}

	@Test
	void theRiskModelPageShowsEveryWeightAndRefusesANegativeOne() throws Exception {
		RegistryFixtures registry = new RegistryFixtures(this.places, this.people, this.users);
		CurrentUser leader = leader(registry);
		String page = page(leader, "/risk-model");
		assertThat(page).contains("weight.OVERDUE_APPEALS").contains("超期诉求").contains("threshold.GROUP.ORANGE");
		String version = page.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");
		MockHttpServletResponse refused = send(leader,
				post("/risk-model").param("version", version).param("weight.OVERDUE_APPEALS", "-3"));
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("权重须在 0 到");
	}

	/**
	 * @return a leader who has set their own password, as the console asks first
	 */
	private CurrentUser leader(RegistryFixtures registry) {
		UserAccount opened = registry.user(Role.LEADER, Set.of(), null, null);
		this.users.changeOwnPassword(ConsoleFixtures.user(opened), RegistryFixtures.FIRST_PASSWORD, "Later-Pass-2");
		return ConsoleFixtures.user(this.users.get(COMMUNITY, opened.id()));
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

}
