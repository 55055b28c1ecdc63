package org.anju.appeals.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealFixtures;
import org.anju.appeals.AppealFlag;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealView;
import org.anju.appeals.Channel;
import org.anju.appeals.NewAppeal;
import org.anju.appeals.Routing;
import org.anju.appeals.RoutingRules;
import org.anju.appeals.attachments.AppealAttachments;
import org.anju.appeals.attachments.Attachment;
import org.anju.appeals.attachments.TestPhotos;
import org.anju.appeals.attachments.Upload;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.anju.shared.Phone;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.anju.RegistryFixtures.COMMUNITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The appeal pages as staff use them, on the real database with real accounts (the
 * console reads the account again on every request): who may open which page, an intake
 * that succeeds and one that keeps what was typed, only the steps the state allows, a
 * stale step, the printed papers, and phones masked throughout.
 */
@AnjuSpringTest
class AppealConsoleTests {

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
	AppealCategories categories;

	@Autowired
	RoutingRules rules;

	@Autowired
	AppealManagement appeals;

	@Autowired
	AppealAttachments attachments;

	@Autowired
	WorkingCalendar calendar;

	RegistryFixtures registry;

	Street street;

	Person retiree;

	AppealCategory category;

	CurrentUser dispatcher;

	@BeforeEach
	void aRetireeAndADispatcher() {
		this.registry = new RegistryFixtures(this.places, this.people, this.users);
		this.street = this.registry.street();
		this.retiree = this.registry.person(this.street.room().id());
		// a category of its own, with no routing rule, so its appeals wait for dispatch
		this.category = new AppealFixtures(this.categories, this.rules).category("PROPERTY");
		this.dispatcher = account(Role.DEPARTMENT_STAFF, Set.of(), Routing.DISPATCH_DEPARTMENT);
	}

	@Test
	void eachPageOpensForTheRolesItIsFor() throws Exception {
		AppealView appeal = submit();
		CurrentUser leader = account(Role.LEADER, Set.of(), null);
		for (String page : List.of("/appeals", "/appeals?tab=dispatch", "/appeals?tab=all&flag=OVERDUE", "/appeals/new",
				"/appeals/callbacks", "/appeals/" + appeal.id(), "/appeals/" + appeal.id() + "/receipt",
				"/appeals/" + appeal.id() + "/slip")) {
			this.mvc.perform(as(this.dispatcher, get(page))).andExpect(status().isOk());
		}
		this.mvc.perform(as(leader, get("/appeals/supervision"))).andExpect(status().isOk());
		this.mvc.perform(as(leader, get("/"))).andExpect(content().string(containsString("href=\"/appeals\"")));
		this.mvc.perform(as(this.dispatcher, get("/appeals/supervision"))).andExpect(status().isForbidden());

		CurrentUser handler = account(Role.DEPARTMENT_STAFF, Set.of(), "PROPERTY");
		this.mvc.perform(as(handler, get("/appeals/callbacks"))).andExpect(status().isForbidden());

		CurrentUser resident = account(Role.RESIDENT, Set.of(), null);
		for (String page : List.of("/", "/appeals", "/appeals/new", "/appeals/" + appeal.id())) {
			this.mvc.perform(as(resident, get(page))).andExpect(redirectedUrl("/portal"));
		}

		CurrentUser elsewhere = account(Role.GRID_WORKER, Set.of(this.registry.street().grid().id()), null);
		this.mvc.perform(as(elsewhere, get("/appeals/" + appeal.id()))).andExpect(status().isNotFound());
		this.mvc.perform(as(elsewhere, get("/appeals/" + appeal.id() + "/receipt"))).andExpect(status().isNotFound());
	}

	@Test
	void aPhoneIntakeGoesToTheAppealsPageWithTheNumberAndAReceiptButton() throws Exception {
		String title = RegistryFixtures.unique("楼道灯不亮");
		MvcResult result = this.mvc
			.perform(as(this.dispatcher,
					post("/appeals/new").param("personId", String.valueOf(this.retiree.id()))
						.param("categoryCode", this.category.code())
						.param("channel", "PHONE")
						.param("title", title)
						.param("description", "三楼楼道灯坏了一周")
						.param("peopleCount", "1")))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/appeals/*?received"))
			.andReturn();
		String page = this.mvc.perform(as(this.dispatcher, get(result.getResponse().getRedirectedUrl())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		AppealView saved = this.appeals.get(this.dispatcher,
				Long.parseLong(result.getResponse().getRedirectedUrl().replaceAll("\\D+", " ").strip()));
		assertThat(saved.title()).isEqualTo(title);
		assertThat(saved.channel()).isEqualTo(Channel.PHONE);
		assertThat(page).contains("诉求已受理，编号 " + saved.number())
			.contains("/appeals/" + saved.id() + "/receipt")
			.contains("data-clear-draft")
			.contains(title);
	}

	@Test
	void aRefusedIntakeKeepsWhatWasTypedWithEachMessageByItsField() throws Exception {
		String description = RegistryFixtures.unique("说不清楚的事");
		String page = this.mvc
			.perform(as(this.dispatcher,
					post("/appeals/new").param("caller.name", "王来电")
						.param("caller.phone", "12")
						.param("channel", "PHONE")
						.param("title", "")
						.param("description", description)
						.param("peopleCount", "3")
						.param("escalated", "true")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(description)
			.contains("value=\"王来电\"")
			.contains("value=\"3\"")
			.containsPattern("name=\"escalated\"[^>]*checked")
			.containsPattern("(?s)name=\"title\".{0,400}此项必填。")
			.containsPattern("(?s)id=\"category-list\".*?</ul>\\s*<small class=\"error\">此项必填。")
			.containsPattern("(?s)name=\"caller.phone\".{0,300}class=\"error\"");
	}

	@Test
	void aJointLetterEnteredLaterKeepsItsCoSignersAndCountsItsTimeFromItsReceipt() throws Exception {
		Person first = this.registry.person(this.street.room().id());
		Person second = this.registry.person(this.street.room().id());
		LocalDateTime received = LocalDateTime.now(WorkingCalendar.ZONE).minusDays(3).withSecond(0).withNano(0);
		MvcResult result = this.mvc
			.perform(as(this.dispatcher,
					post("/appeals/new").param("personId", String.valueOf(this.retiree.id()))
						.param("coSignerIds", String.valueOf(first.id()), String.valueOf(second.id()),
								String.valueOf(first.id()))
						.param("categoryCode", this.category.code())
						.param("channel", "LETTER")
						.param("title", RegistryFixtures.unique("联名信"))
						.param("description", "三户联名反映楼顶漏水")
						.param("receivedAt", received.format(IntakeConsole.MINUTES))))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		long id = Long.parseLong(result.getResponse().getRedirectedUrl().replaceAll("\\D+", " ").strip());

		AppealView saved = this.appeals.get(this.dispatcher, id);
		assertThat(saved.coSignerIds()).containsExactlyInAnyOrder(first.id(), second.id());
		assertThat(saved.flags()).contains(AppealFlag.JOINT);
		assertThat(saved.peopleCount()).isEqualTo(3);
		Instant receivedAt = received.atZone(WorkingCalendar.ZONE).toInstant();
		assertThat(saved.receivedAt()).isEqualTo(receivedAt);
		assertThat(saved.dueAt()).isEqualTo(this.calendar.dueAt(receivedAt, this.category.limitDays()));
		assertThat(page("/appeals/" + id)).contains("联名人", first.name(), second.name(), "联名");
	}

	@Test
	void aCoSignerOrATimeOfReceiptThatBreaksARuleIsNamedAndWhatWasPickedStays() throws Exception {
		Person coSigner = this.registry.person(this.street.room().id());
		LocalDateTime now = LocalDateTime.now(WorkingCalendar.ZONE);
		Map<String, String> cases = Map.of(now.plusDays(1).format(IntakeConsole.MINUTES), "受理时间不能晚于现在",
				now.minusDays(31).format(IntakeConsole.MINUTES), "最多补录 30 天前", "昨天下午", "受理时间格式不对");
		for (Map.Entry<String, String> bad : cases.entrySet()) {
			String page = this.mvc
				.perform(as(this.dispatcher,
						post("/appeals/new").param("personId", String.valueOf(this.retiree.id()))
							.param("coSignerIds", String.valueOf(coSigner.id()))
							.param("categoryCode", this.category.code())
							.param("channel", "LETTER")
							.param("title", "补录的来信")
							.param("description", "来信内容")
							.param("receivedAt", bad.getKey())))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).as(bad.getKey())
				.containsPattern("(?s)name=\"receivedAt\".{0,600}class=\"error\">[^<]*" + bad.getValue())
				.containsPattern("name=\"coSignerIds\" value=\"" + coSigner.id() + "\"")
				.contains(coSigner.name());
		}

		String english = this.mvc
			.perform(as(this.dispatcher,
					post("/appeals/new").param("lang", "en")
						.param("personId", String.valueOf(this.retiree.id()))
						.param("coSignerIds", String.valueOf(this.retiree.id()), "987654321")
						.param("categoryCode", this.category.code())
						.param("channel", "LETTER")
						.param("title", "补录的来信")
						.param("description", "来信内容")
						.param("receivedAt", now.minusDays(40).format(IntakeConsole.MINUTES))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).as("the time typed stays")
			.containsPattern("name=\"receivedAt\" value=\"" + now.minusDays(40).format(IntakeConsole.MINUTES));
		assertThat(english).contains("The appellant cannot co-sign their own appeal.")
			.contains("nor more than 30 days back")
			.contains("987654321")
			.containsPattern("(?s)id=\"co-signer-q\".{0,900}class=\"error\"");
	}

	@Test
	void coSignersAreFoundByTheSameSearchInAListOfTheirOwn() throws Exception {
		String page = this.mvc
			.perform(as(this.dispatcher, get("/appeals/new/co-signers").param("coSignerQuery", this.retiree.name())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"co-signer-" + this.retiree.id() + "\"").doesNotContain("id=\"person-");
		assertThat(page("/appeals/new")).contains("id=\"co-signer-q\"", "name=\"receivedAt\"",
				"type=\"datetime-local\"");
	}

	@Test
	void theAppealsPhotosShowOnItsPageAndOnlyToThoseWhoReachIt() throws Exception {
		AppealView appeal = submit();
		AppealView other = submit();
		Attachment photo = this.attachments
			.attach(this.dispatcher, appeal.id(),
					this.attachments.prepare(List.of(new Upload("楼道.jpg", TestPhotos.jpegWithLocation()))))
			.get(0);

		String html = page("/appeals/" + appeal.id());
		String src = "/appeals/" + appeal.id() + "/photos/" + photo.id();
		assertThat(html).contains("src=\"" + src + "\"", "alt=\"楼道.jpg\"");
		this.mvc.perform(as(this.dispatcher, get(src)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/jpeg"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
		assertThat(page("/appeals/" + other.id())).doesNotContain("/photos/");

		this.mvc.perform(as(this.dispatcher, get("/appeals/" + other.id() + "/photos/" + photo.id())))
			.andExpect(status().isNotFound());
		CurrentUser elsewhere = account(Role.GRID_WORKER, Set.of(this.registry.street().grid().id()), null);
		this.mvc.perform(as(elsewhere, get(src))).andExpect(status().isNotFound());
	}

	@Test
	void onlyTheStepsTheStateAndRoleAllowAreOffered() throws Exception {
		AppealView appeal = submit();
		this.mvc.perform(as(this.dispatcher, get("/appeals/" + appeal.id())))
			.andExpect(content().string(containsString("data-action=\"assign\"")))
			.andExpect(content().string(not(containsString("data-action=\"resolve\""))))
			.andExpect(content().string(not(containsString("data-action=\"accept\""))))
			.andExpect(content().string(not(containsString("data-action=\"callback\""))));

		this.mvc
			.perform(as(this.dispatcher,
					post("/appeals/" + appeal.id() + "/act/assign").param("version", String.valueOf(appeal.version()))
						.param("departmentCode", "PROPERTY")))
			.andExpect(status().is3xxRedirection());
		CurrentUser handler = account(Role.DEPARTMENT_STAFF, Set.of(), "PROPERTY");
		this.mvc.perform(as(handler, get("/appeals/" + appeal.id())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-action=\"accept\"")))
			.andExpect(content().string(not(containsString("data-action=\"assign\""))))
			.andExpect(content().string(not(containsString("data-action=\"urge\""))));
	}

	@Test
	void aStepOnAStaleVersionSaysSomeoneElseChangedItAndKeepsTheText() throws Exception {
		AppealView appeal = submit();
		this.appeals.act(this.dispatcher, appeal.id(), appeal.version(),
				new org.anju.appeals.AppealAction.Note("先记一笔"));
		String text = RegistryFixtures.unique("我的办理记录");
		String page = this.mvc
			.perform(as(this.dispatcher,
					post("/appeals/" + appeal.id() + "/act/note").param("version", String.valueOf(appeal.version()))
						.param("text", text)))
			.andExpect(status().isPreconditionFailed())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("这件诉求刚被他人改过").contains(text);

		this.mvc
			.perform(as(this.dispatcher,
					post("/appeals/" + appeal.id() + "/act/resolve")
						.param("version", String.valueOf(appeal.version() + 1))
						.param("text", "太早了")))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("不能执行")))
			.andExpect(content().string(containsString("太早了")));
	}

	@Test
	void theReceiptAndTheSlipCarryTheNumberAndMaskThePhone() throws Exception {
		String callerPhone = RegistryFixtures.mobile();
		AppealView byPhone = this.appeals.submit(this.dispatcher, new NewAppeal(null, "赵来电", callerPhone, List.of(),
				this.category.code(), Channel.PHONE, "路灯", "小区路灯不亮", null, null, false, false, null));
		AppealView registered = submit();
		String receipt = page("/appeals/" + byPhone.id() + "/receipt");
		assertThat(receipt).contains(byPhone.number()).contains("0730-8000000").contains("/css/paper.css");
		String slip = page("/appeals/" + byPhone.id() + "/slip");
		assertThat(slip).contains(byPhone.number()).contains(Phone.mask(callerPhone)).doesNotContain(callerPhone);

		String retireePhone = this.people.get(RegistryFixtures.admin(), this.retiree.id()).phone();
		for (String path : List.of("/appeals/" + registered.id(), "/appeals/" + registered.id() + "/slip",
				"/appeals/" + byPhone.id())) {
			String html = page(path);
			assertThat(html).doesNotContain(callerPhone).containsPattern("1\\d\\d\\*{4}\\d{4}");
		}
		assertThat(page("/appeals/" + registered.id())).contains(retireePhone);
		assertThat(retireePhone).contains("****");
	}

	private String page(String path) throws Exception {
		return this.mvc.perform(as(this.dispatcher, get(path)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private AppealView submit() {
		return this.appeals.submit(this.dispatcher,
				new NewAppeal(this.retiree.id(), null, null, List.of(), this.category.code(), Channel.PHONE,
						RegistryFixtures.unique("水管漏水"), "厨房水管漏水", null, null, false, false, null));
	}

	/**
	 * Opens an account and changes its first password, as its owner would, so that the
	 * console lets it in.
	 */
	private CurrentUser account(Role role, Set<Long> grids, @Nullable String department) {
		UserAccount opened = this.registry.user(role, grids, department,
				(role == Role.RESIDENT) ? this.retiree.id() : null);
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
		return request.with(authentication(signedIn)).with(csrf());
	}

}
