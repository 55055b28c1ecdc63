package org.anju.stability;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.InterestGroups;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.anju.people.PersonalDataSheets.column;
import static org.anju.people.PersonalDataSheets.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Stability's part of a person's own data report: the notes about them, the cases they
 * are a party to, their key-person record with every grade it had, and the warnings about
 * them; nothing about their neighbour.
 */
@AnjuSpringTest
class StabilityPersonalDataTests {

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
	InterestGroups groups;

	@Autowired
	MoodNotes notes;

	@Autowired
	ConflictManagement conflicts;

	@Autowired
	KeyPersons keyPersons;

	@Autowired
	RiskEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theReportHoldsTheirNotesCasesKeyPersonGradesAndWarnings() throws Exception {
		RegistryFixtures registry = new RegistryFixtures(this.places, this.people, this.users);
		WarningFixtures fixtures = new WarningFixtures(registry, this.groups, this.notes, this.jdbc);
		Street street = registry.street();
		String group = fixtures.group().code();
		Person person = fixtures.member(street.room().id(), group);
		Person neighbour = fixtures.member(street.room().id(), group);
		UserAccount leader = registry.user(Role.LEADER, Set.of(), null, null);
		fixtures.personNote(person.id(), "AGITATED");
		fixtures.personNote(person.id(), "AGITATED");
		fixtures.personNote(neighbour.id(), "CONCERNED");
		String title = RegistryFixtures.unique("养老金纠纷");
		this.conflicts.register(RegistryFixtures.admin(),
				new NewConflictCase("LABOUR_BENEFITS", title, "对养老金核定有异议", "SERIOUS", List.of(person.id()), List.of(),
						1, leader.id(), null, null, street.grid().id(), "REPORT", null));
		this.conflicts.register(RegistryFixtures.admin(),
				new NewConflictCase("NEIGHBOUR", RegistryFixtures.unique("邻居的事"), "与他人无关", "ORDINARY",
						List.of(neighbour.id()), List.of(), 1, leader.id(), null, null, street.grid().id(), "REPORT",
						null));
		KeyPerson key = this.keyPersons.designate(RegistryFixtures.admin(),
				new NewKeyPerson(person.id(), "多次扬言上访", "C", "初次列管", leader.id()));
		this.keyPersons.override(RegistryFixtures.admin(), key.id(), key.version(), "A", "近期情绪激烈");
		this.engine.recompute(RegistryFixtures.COMMUNITY, Set.of("PERSON:" + person.id()));

		MockHttpServletResponse report = report(person.id());

		assertThat(report.getStatus()).as(content(report)).isEqualTo(200);
		Map<String, List<List<String>>> sheets = read(report.getContentAsByteArray());
		assertThat(sheets.keySet()).contains("思想动态记录", "矛盾纠纷", "重点人员", "重点人员等级变化", "风险预警");
		assertThat(column(sheets.get("思想动态记录"), 2)).containsExactly("思想状态", "激烈", "激烈");
		assertThat(column(sheets.get("矛盾纠纷"), 0)).containsExactly("标题", title);
		assertThat(column(sheets.get("重点人员"), 1)).containsExactly("原因", "多次扬言上访");
		assertThat(sheets.get("重点人员等级变化")).extracting((row) -> row.subList(3, 6))
			.containsExactly(List.of("类别", "原等级", "新等级"), List.of("列为重点人员", "", "C"), List.of("人工调整等级", "C", "A"),
					List.of("系统重新定级", "C", "A"));
		assertThat(column(sheets.get("风险预警"), 1)).as("two agitated notes this week (24) and a serious case (10)")
			.containsExactly("级别", "橙色");
	}

	private MockHttpServletResponse report(long personId) {
		ApiCallers callers = new ApiCallers(this.mvc, this.json);
		return callers
			.perform(bearer(post("/api/v1/residents/{id}/personal-data-report", personId), callers.adminToken())
				.contentType(MediaType.APPLICATION_JSON)
				.content(callers.body(Map.of("reason", "本人申请"))));
	}

}
