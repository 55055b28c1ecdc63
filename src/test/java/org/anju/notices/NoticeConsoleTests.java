package org.anju.notices;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.console.ConsoleFixtures;
import org.anju.identity.ApiCallers;
import org.anju.identity.CurrentUser;
import org.anju.identity.UserManagement;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.anju.PortalResidents.as;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Staff publish an outage notice from the console in Chinese and read its talking points.
 */
@AnjuSpringTest
class NoticeConsoleTests {

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

	@Test
	void aNoticeIsPublishedFromTheFormAndShowsItsTalkingPoints() {
		ApiCallers api = new ApiCallers(this.mvc, this.json);
		RegistryFixtures registry = new RegistryFixtures(this.places, this.people, this.users);
		CurrentUser admin = ConsoleFixtures.user(this.users.all(RegistryFixtures.COMMUNITY)
			.stream()
			.filter((account) -> account.username().equals("admin"))
			.findFirst()
			.orElseThrow());
		RegistryFixtures.Street street = registry.street();
		assertThat(content(api.perform(as(admin, get("/notices/new"))))).contains(street.building().name(), "接听口径");

		MockHttpServletResponse bad = api.perform(as(admin,
				post("/notices").param("utility", "WATER")
					.param("title", "停水")
					.param("talkingPoints", "管道抢修")
					.param("startsAt", "2030-01-02T08:00")
					.param("endsAt", "2030-01-02T07:00")
					.with(csrf())));
		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat(content(bad)).contains("结束时间：结束时间必须晚于开始时间。", "受影响楼栋：请至少选择一栋受影响的楼栋。");

		MockHttpServletResponse created = api.perform(as(admin,
				post("/notices").param("utility", "WATER")
					.param("title", "二次供水水箱清洗")
					.param("talkingPoints", "水箱清洗，18:00 前恢复供水")
					.param("startsAt", "2030-01-02T08:00")
					.param("endsAt", "2030-01-02T18:00")
					.param("buildingIds", "" + street.building().id())
					.with(csrf())));
		assertThat(created.getRedirectedUrl()).as(content(created)).matches("/notices/\\d+");
		String page = content(api.perform(as(admin, get(created.getRedirectedUrl()))));
		assertThat(page).contains("停水", "水箱清洗，18:00 前恢复供水", "2030-01-02 08:00:00", street.building().name());
		assertThat(content(api.perform(as(admin, get("/notices"))))).contains("二次供水水箱清洗");
	}

}
