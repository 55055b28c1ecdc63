package org.anju.console;

import java.util.List;
import java.util.Set;

import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserManagement;
import org.anju.organisation.Departments;
import org.anju.people.Person;
import org.anju.people.PersonForm;
import org.anju.people.PersonManagement;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.anju.console.ConsoleFixtures.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The console's pages for each role, on the real database: who sees what, what a grid
 * worker cannot reach, and forms that keep what was typed when the domain says no.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsolePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	UserManagement users;

	@Autowired
	Departments departments;

	CurrentUser admin;

	CurrentUser leader;

	CurrentUser staff;

	CurrentUser gridWorker;

	Place area;

	Place ownGrid;

	Place otherGrid;

	Place ownRoom;

	Person inOwnGrid;

	Person inOtherGrid;

	String ownIdNumber;

	@BeforeAll
	void communityWithTwoGrids() {
		this.admin = ConsoleFixtures.admin(this.users);
		this.area = this.places.create(this.admin, PlaceKind.AREA, ConsoleFixtures.unique("片区"), null);
		this.ownGrid = this.places.create(this.admin, PlaceKind.GRID, ConsoleFixtures.unique("东网格"), this.area.id());
		this.otherGrid = this.places.create(this.admin, PlaceKind.GRID, ConsoleFixtures.unique("西网格"), this.area.id());
		this.ownRoom = room(this.ownGrid);
		Place otherRoom = room(this.otherGrid);
		this.ownIdNumber = ConsoleFixtures.idNumber();
		this.inOwnGrid = this.people.register(this.admin, new PersonForm("张三丰", this.ownIdNumber, "13812345678",
				this.ownRoom.id(), List.of("RETIRED"), "HEAD", "岳阳化工总厂", null));
		this.inOtherGrid = this.people.register(this.admin,
				new PersonForm("李四光", ConsoleFixtures.idNumber(), null, otherRoom.id(), List.of(), null, null, null));
		this.leader = ConsoleFixtures.account(this.users, Role.LEADER, Set.of(), null);
		this.staff = ConsoleFixtures.account(this.users, Role.DEPARTMENT_STAFF, Set.of(),
				this.departments.all(ConsoleFixtures.COMMUNITY).get(0).code());
		this.gridWorker = ConsoleFixtures.account(this.users, Role.GRID_WORKER, Set.of(this.ownGrid.id()), null);
	}

	private Place room(Place grid) {
		Place building = this.places.create(this.admin, PlaceKind.BUILDING, "1栋", grid.id());
		return this.places.create(this.admin, PlaceKind.ROOM, "101", building.id());
	}

	private MockHttpServletRequestBuilder as(CurrentUser user, MockHttpServletRequestBuilder request) {
		return request.with(authentication(signedIn(user)));
	}

	@Test
	void everyStaffRoleSeesHomePlacesAndPeople() throws Exception {
		for (CurrentUser user : List.of(this.admin, this.leader, this.staff, this.gridWorker)) {
			for (String page : List.of("/", "/places", "/people", "/people/" + this.inOwnGrid.id(),
					"/account/password")) {
				this.mvc.perform(as(user, get(page)))
					.andExpect(status().isOk())
					.andExpect(content().string(containsString(user.displayName())));
			}
		}
	}

	@Test
	void homeCountsTheCommunityForAnAdminAndOnlyTheirGridsForAGridWorker() throws Exception {
		this.mvc.perform(as(this.admin, get("/")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("在册人员")))
			.andExpect(content().string(containsString(this.area.name())));
		this.mvc.perform(as(this.gridWorker, get("/")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.ownGrid.name())))
			.andExpect(content().string(not(containsString(this.otherGrid.name()))))
			.andExpect(content().string(not(containsString(this.area.name()))));
	}

	@Test
	void theConsoleSpeaksEnglishWhenAsked() throws Exception {
		this.mvc.perform(as(this.admin, get("/").param("lang", "en")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Registered people")))
			.andExpect(content().string(not(containsString("在册人员"))));
	}

	@Test
	void aGridWorkerGets404ForAPersonOrPlaceOutsideTheirGrids() throws Exception {
		this.mvc.perform(as(this.gridWorker, get("/people/" + this.inOtherGrid.id())))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"))
			.andExpect(content().string(containsString("没有找到")))
			.andExpect(content().string(not(containsString("李四光"))));
		this.mvc.perform(as(this.gridWorker, get("/people/" + this.inOtherGrid.id() + "/edit")))
			.andExpect(status().isNotFound());
		this.mvc.perform(as(this.gridWorker, get("/places/" + this.otherGrid.id() + "/children")))
			.andExpect(status().isNotFound());
		this.mvc.perform(as(this.gridWorker, get("/people")))
			.andExpect(content().string(containsString("张三丰")))
			.andExpect(content().string(not(containsString("李四光"))));
		this.mvc.perform(as(this.gridWorker, get("/places")))
			.andExpect(content().string(containsString(this.ownGrid.name())))
			.andExpect(content().string(not(containsString(this.otherGrid.name()))));
	}

	@Test
	void peopleListAndDetailShowOnlyMaskedNumbers() throws Exception {
		String masked = this.ownIdNumber.substring(0, 6) + "********" + this.ownIdNumber.substring(14);
		for (String page : List.of("/people?q=zsf", "/people/" + this.inOwnGrid.id())) {
			this.mvc.perform(as(this.admin, get(page)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("张三丰")))
				.andExpect(content().string(containsString(masked)))
				.andExpect(content().string(containsString("138****5678")))
				.andExpect(content().string(not(containsString(this.ownIdNumber))))
				.andExpect(content().string(not(containsString("13812345678"))));
		}
	}

	@Test
	void liveSearchAnswersWithTheResultsOnly() throws Exception {
		this.mvc.perform(as(this.admin, get("/people").param("q", "zsf").header("HX-Request", "true")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("张三丰")))
			.andExpect(content().string(not(containsString("<header"))));
	}

	@Test
	void unmaskingNeedsAReasonAndShowsTheWholeNumber() throws Exception {
		String unmask = "/people/" + this.inOwnGrid.id() + "/unmask";
		this.mvc.perform(as(this.admin, post(unmask).with(csrf()).param("field", "idNumber").param("reason", "")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("须填写事由")))
			.andExpect(content().string(not(containsString(this.ownIdNumber))));
		this.mvc.perform(as(this.admin, post(unmask).with(csrf()).param("field", "idNumber").param("reason", "资格认证")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.ownIdNumber)));
		this.mvc
			.perform(as(this.gridWorker, post(unmask).with(csrf()).param("field", "idNumber").param("reason", "看看")))
			.andExpect(status().isForbidden());
	}

	@Test
	void postsWithoutACsrfTokenAreRefused() throws Exception {
		this.mvc
			.perform(as(this.admin,
					post("/people/" + this.inOwnGrid.id() + "/status").param("status", "MOVED_OUT")
						.param("statusDate", "2024-01-01")
						.param("version", "0")))
			.andExpect(status().isForbidden());
		this.mvc.perform(as(this.admin, post("/places").param("kind", "AREA").param("name", "无令牌片区")))
			.andExpect(status().isForbidden());
		assertThat(this.people.get(this.admin, this.inOwnGrid.id()).status().name()).isEqualTo("REGISTERED");
	}

	@Test
	void anEditThatBreaksARuleKeepsWhatWasTypedAndSaysWhy() throws Exception {
		Person before = this.people.get(this.admin, this.inOwnGrid.id());
		this.mvc
			.perform(as(this.gridWorker,
					post("/people/" + before.id() + "/edit").with(csrf())
						.param("name", "张三丰改")
						.param("idNumber", before.idNumber())
						.param("phone", "12345")
						.param("roomId", String.valueOf(this.ownRoom.id()))
						.param("formerUnit", "新单位")
						.param("version", String.valueOf(before.version()))))
			.andExpect(status().isOk())
			.andExpect(view().name("people/form"))
			.andExpect(content().string(containsString("电话号码格式不对")))
			.andExpect(content().string(containsString("value=\"张三丰改\"")))
			.andExpect(content().string(containsString("value=\"新单位\"")));
		assertThat(this.people.get(this.admin, before.id()).name()).isEqualTo("张三丰");
	}

	@Test
	void anEditSentBackWithTheMaskedNumbersKeepsThem() throws Exception {
		Person before = this.people.register(this.admin, new PersonForm("王五", ConsoleFixtures.idNumber(), "13900001111",
				this.ownRoom.id(), List.of(), null, null, null));
		this.mvc
			.perform(as(this.admin,
					post("/people/" + before.id() + "/edit").with(csrf())
						.param("name", "王五一")
						.param("idNumber", before.idNumber())
						.param("phone", before.phone())
						.param("roomId", String.valueOf(this.ownRoom.id()))
						.param("version", String.valueOf(before.version()))))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/people/" + before.id() + "?saved"));
		Person after = this.people.get(this.admin, before.id());
		assertThat(after.name()).isEqualTo("王五一");
		assertThat(this.people.unmask(this.admin, before.id(), "phone", "测试核对")).contains("13900001111");
	}

	@Test
	void aStaleEditSaysSomeoneElseChangedTheRecord() throws Exception {
		Person person = this.people.register(this.admin,
				new PersonForm("赵六", ConsoleFixtures.idNumber(), null, this.ownRoom.id(), List.of(), null, null, null));
		this.people.update(this.admin, person.id(), person.version(),
				new PersonForm("赵六", person.idNumber(), null, this.ownRoom.id(), List.of(), null, "先改的", null));
		this.mvc
			.perform(as(this.admin,
					post("/people/" + person.id() + "/edit").with(csrf())
						.param("name", "赵六六")
						.param("idNumber", person.idNumber())
						.param("version", String.valueOf(person.version()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已被他人修改")))
			.andExpect(content().string(containsString("value=\"赵六六\"")));
	}

	@Test
	void aStatusChangeWithoutADateIsExplained() throws Exception {
		Person person = this.people.get(this.admin, this.inOwnGrid.id());
		this.mvc
			.perform(as(this.admin,
					post("/people/" + person.id() + "/status").with(csrf())
						.param("status", "DECEASED")
						.param("statusDate", "")
						.param("version", String.valueOf(person.version()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("迁出或死亡须填写日期")));
		assertThat(this.people.get(this.admin, person.id()).status().name()).isEqualTo("REGISTERED");
	}

	@Test
	void deletingAPlaceWherePeopleLiveIsExplainedInThePage() throws Exception {
		Place room = this.places.get(this.admin, this.ownRoom.id());
		this.mvc
			.perform(as(this.admin,
					post("/places/" + room.id() + "/delete").with(csrf())
						.header("HX-Request", "true")
						.param("version", String.valueOf(room.version()))))
			.andExpect(status().isConflict())
			.andExpect(header().string("HX-Retarget", "#flash"))
			.andExpect(content().string(containsString("不能删除")));
		assertThat(this.places.find(ConsoleFixtures.COMMUNITY, room.id())).isPresent();
	}

	@Test
	void placesAreCreatedAndRenamedInTheTree() throws Exception {
		String name = ConsoleFixtures.unique("新楼");
		this.mvc
			.perform(as(this.gridWorker,
					post("/places").with(csrf())
						.header("HX-Request", "true")
						.param("kind", "BUILDING")
						.param("name", name)
						.param("parentId", String.valueOf(this.ownGrid.id()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)));
		this.mvc
			.perform(as(this.gridWorker,
					post("/places").with(csrf())
						.header("HX-Request", "true")
						.param("kind", "BUILDING")
						.param("name", "越界楼")
						.param("parentId", String.valueOf(this.otherGrid.id()))))
			.andExpect(status().isNotFound());
	}

	@Test
	void theRoomPickerFillsInEveryLevelAboveARoom() throws Exception {
		this.mvc.perform(as(this.admin, get("/places/picker").param("roomId", String.valueOf(this.ownRoom.id()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.ownGrid.name())))
			.andExpect(content().string(containsString("value=\"" + this.ownRoom.id() + "\" selected")));
	}

	@Test
	void onlyAdministratorsManageUsers() throws Exception {
		this.mvc.perform(as(this.admin, get("/users")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.gridWorker.username())));
		this.mvc.perform(as(this.admin, get("/users/" + this.gridWorker.userId() + "/edit")))
			.andExpect(status().isOk());
		for (CurrentUser user : List.of(this.leader, this.staff, this.gridWorker)) {
			this.mvc.perform(as(user, get("/users"))).andExpect(status().isForbidden());
		}
	}

	@Test
	void aNewUserFormThatBreaksARuleKeepsTheName() throws Exception {
		this.mvc
			.perform(as(this.admin,
					post("/users/new").with(csrf())
						.param("username", "X")
						.param("password", "short")
						.param("displayName", "新网格员")
						.param("role", "GRID_WORKER")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("用户名须为 3 到 40 位")))
			.andExpect(content().string(containsString("网格员须至少负责一个网格")))
			.andExpect(content().string(containsString("value=\"新网格员\"")));
	}

	@Test
	void theAuditLogIsForLeadersAndAdministrators() throws Exception {
		this.mvc.perform(as(this.admin, get("/audit").param("subjectType", "PERSON")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("登记人员")));
		this.mvc.perform(as(this.leader, post("/audit/verify").with(csrf()).header("HX-Request", "true")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("哈希链完整")));
		this.mvc.perform(as(this.gridWorker, get("/audit"))).andExpect(status().isForbidden());
	}

	@Test
	void onlyWritersRegisterPeople() throws Exception {
		this.mvc.perform(as(this.gridWorker, get("/people/new"))).andExpect(status().isOk());
		this.mvc.perform(as(this.staff, get("/people/new"))).andExpect(status().isForbidden());
		this.mvc.perform(as(this.leader, get("/people/new"))).andExpect(status().isForbidden());
	}

	@Test
	void changingTheOwnPasswordChecksTheRepeat() throws Exception {
		this.mvc
			.perform(as(this.staff,
					post("/account/password").with(csrf())
						.param("currentPassword", "Later-Pass-2")
						.param("newPassword", "Newer-Pass-3")
						.param("repeatPassword", "Newer-Pass-4")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("两次输入的新密码不一致")));
		this.mvc
			.perform(as(this.staff,
					post("/account/password").with(csrf())
						.param("currentPassword", "wrong-1")
						.param("newPassword", "Newer-Pass-3")
						.param("repeatPassword", "Newer-Pass-3")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("当前密码不正确")));
	}

	@Test
	void htmxIsServedFromItsWebjarWithoutAVersionInThePath() throws Exception {
		this.mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("htmx")));
	}

}
