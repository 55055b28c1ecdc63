package org.anju.appeals.portal;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealFixtures;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealState;
import org.anju.appeals.AppealView;
import org.anju.appeals.AppealFlag;
import org.anju.appeals.RoutingRules;
import org.anju.appeals.attachments.TestPhotos;
import org.anju.identity.ApiCallers;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A resident on the portal: brings an appeal with photos whose location is removed, sees
 * only their own appeals, follows the steps meant for them, rates the outcome, and never
 * reaches a staff page.
 */
@AnjuSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentPortalTests {

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
	AppealManagement appeals;

	@Autowired
	JdbcClient jdbc;

	ApiCallers callers;

	RegistryFixtures registry;

	AppealCategory category;

	Resident alice;

	Resident bob;

	String admin;

	@BeforeAll
	void setUp() {
		this.registry = new RegistryFixtures(this.places, this.people, this.users);
		this.callers = new ApiCallers(this.mvc, this.json);
		this.category = new AppealFixtures(this.categories, this.rules).category("PROPERTY");
		Street street = this.registry.street();
		this.alice = resident(street);
		this.bob = resident(street);
		this.admin = this.callers.adminToken();
	}

	@Test
	void aResidentSubmitsAnAppealWithPhotosWhoseLocationIsRemoved() throws Exception {
		MockHttpServletResponse sent = perform(
				submit(this.alice, "楼道灯坏了", photo("IMG_0001.jpg", "image/jpeg", TestPhotos.jpegWithLocation()),
						photo("scan.png", "image/png", TestPhotos.pngWithLocation())));

		assertThat(sent.getStatus()).isEqualTo(302);
		long id = Long.parseLong(sent.getRedirectedUrl().replaceAll("^/portal/appeals/(\\d+)\\?submitted$", "$1"));
		AppealView appeal = this.appeals.get(this.alice.user(), id);
		assertThat(appeal.channel().name()).isEqualTo("WEB");
		assertThat(appeal.personId()).isEqualTo(this.alice.person().id());
		assertThat(appeal.placeId()).isEqualTo(this.alice.person().roomId());

		MockHttpServletResponse list = perform(bearer(get("/api/v1/appeals/{id}/attachments", id), this.admin));
		assertThat(list.getStatus()).isEqualTo(200);
		assertThat((java.util.List<String>) JsonPath.read(content(list), "$.items[*].contentType"))
			.containsExactly("image/jpeg", "image/png");
		int jpegId = JsonPath.read(content(list), "$.items[0].id");
		MockHttpServletResponse jpeg = perform(
				bearer(get("/api/v1/appeals/{id}/attachments/{a}", id, jpegId), this.admin));
		assertThat(jpeg.getContentType()).isEqualTo("image/jpeg");
		assertThat(jpeg.getHeader("Content-Disposition")).startsWith("inline");
		assertThat(jpeg.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		byte[] stored = jpeg.getContentAsByteArray();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
		assertThat(ImageIO.read(new ByteArrayInputStream(stored)).getWidth()).isEqualTo(32);
		byte[] storedPng = this.jdbc.sql(
				"select content from appeal_attachment where community_id = 1 and appeal_id = :a and content_type = 'image/png'")
			.param("a", id)
			.query(byte[].class)
			.single();
		assertThat(new String(storedPng, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("eXIf");

		// the resident sees their photo on the portal too
		assertThat(perform(as(this.alice, get("/portal/appeals/{id}/photos/{a}", id, jpegId))).getStatus())
			.isEqualTo(200);
	}

	@Test
	void aPhotoThatIsNotAnImageTooLargeOrOneTooManyIsRefusedAndNothingIsWritten() {
		long before = appealsOf(this.alice);
		byte[] jpeg = TestPhotos.jpegWithLocation();

		MockHttpServletResponse fake = perform(submit(this.alice, "假照片",
				photo("photo.jpg", "image/jpeg", "这只是一段文字".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
		MockHttpServletResponse large = perform(
				submit(this.alice, "大照片", photo("big.jpg", "image/jpeg", Arrays.copyOf(jpeg, 5 * 1024 * 1024 + 1))));
		MockHttpServletResponse four = perform(
				submit(this.alice, "四张照片", photo("1.jpg", "image/jpeg", jpeg), photo("2.jpg", "image/jpeg", jpeg),
						photo("3.jpg", "image/jpeg", jpeg), photo("4.jpg", "image/jpeg", jpeg)));

		assertThat(fake.getStatus()).isEqualTo(415);
		assertThat(content(fake)).contains("“photo.jpg”不是 JPEG 或 PNG 图片");
		assertThat(large.getStatus()).isEqualTo(413);
		assertThat(content(large)).contains("超过 5 MB");
		assertThat(four.getStatus()).isEqualTo(422);
		assertThat(content(four)).contains("最多附 3 张照片");
		assertThat(content(four)).as("what was typed stays in the form").contains("四张照片");
		assertThat(appealsOf(this.alice)).isEqualTo(before);
	}

	@Test
	void aResidentSeesOnlyTheirOwnAppeals() {
		long id = submitted(this.alice, "只给自己看");
		MockHttpServletResponse photoSent = perform(
				submit(this.alice, "带照片", photo("a.jpg", "image/jpeg", TestPhotos.jpegWithLocation())));
		long withPhoto = Long.parseLong(photoSent.getRedirectedUrl().replaceAll("\\D+(\\d+)\\D*", "$1"));
		long photoId = this.jdbc.sql("select id from appeal_attachment where community_id = 1 and appeal_id = :a")
			.param("a", withPhoto)
			.query(Long.class)
			.single();

		assertThat(content(perform(as(this.alice, get("/portal"))))).contains("只给自己看");
		assertThat(content(perform(as(this.bob, get("/portal"))))).doesNotContain("只给自己看");
		assertThat(perform(as(this.bob, get("/portal/appeals/{id}", id))).getStatus()).isEqualTo(404);
		assertThat(perform(as(this.bob, get("/portal/appeals/{id}/photos/{p}", withPhoto, photoId))).getStatus())
			.isEqualTo(404);
		String bobToken = this.callers.token(this.bob.mobile(), ApiCallers.OWN_PASSWORD);
		assertThat(perform(bearer(get("/api/v1/appeals/{id}", id), bobToken)).getStatus()).isEqualTo(404);
		assertThat(perform(bearer(get("/api/v1/appeals/{id}/attachments", withPhoto), bobToken)).getStatus())
			.isEqualTo(404);
		assertThat(content(perform(bearer(get("/api/v1/appeals"), bobToken)))).doesNotContain("只给自己看");
		String aliceToken = this.callers.token(this.alice.mobile(), ApiCallers.OWN_PASSWORD);
		assertThat(perform(bearer(get("/api/v1/appeals/{id}", id), aliceToken)).getStatus()).isEqualTo(200);
	}

	@Test
	void aDissatisfiedRatingByTheResidentReopensTheAppealAndStaffNotesStayInternal() throws Exception {
		long id = submitted(this.alice, "水管漏水");
		CurrentUser staff = adminUser();
		AppealView appeal = this.appeals.get(staff, id);
		if (appeal.state() == AppealState.RECEIVED) {
			appeal = this.appeals.act(staff, id, appeal.version(),
					new org.anju.appeals.AppealAction.Assign("PROPERTY", null, null));
		}
		appeal = this.appeals.act(staff, id, appeal.version(), new org.anju.appeals.AppealAction.Accept());
		appeal = this.appeals.act(staff, id, appeal.version(), new org.anju.appeals.AppealAction.Note("内部备注勿外传"));
		appeal = this.appeals.act(staff, id, appeal.version(), new org.anju.appeals.AppealAction.Resolve("已更换水管"));

		String page = content(perform(as(this.alice, get("/portal/appeals/{id}", id))));
		assertThat(page).contains("已更换水管").contains("请您评价办理结果").doesNotContain("内部备注勿外传");

		MockHttpServletResponse rated = perform(as(this.alice,
				post("/portal/appeals/{id}/callback", id).param("version", String.valueOf(appeal.version()))
					.param("satisfaction", "DISSATISFIED")
					.param("comment", "还在漏")
					.with(csrf())));

		assertThat(rated.getStatus()).isEqualTo(302);
		AppealView reopened = this.appeals.get(staff, id);
		assertThat(reopened.state()).isEqualTo(AppealState.ASSIGNED);
		assertThat(reopened.departmentCode()).isEqualTo("PROPERTY");
		assertThat(reopened.reopenCount()).isEqualTo(1);
		assertThat(reopened.flags()).contains(AppealFlag.REOPENED);
		assertThat(reopened.timeline()).extracting(AppealView.TimelineEntry::actor)
			.as("the resident's number is masked in the timeline")
			.doesNotContain(this.alice.mobile());
		assertThat(content(perform(as(this.alice, get("/portal/appeals/{id}", id))))).contains("还在漏").contains("不满意");
	}

	@Test
	void aResidentNeverReachesAStaffPageAndStaffDoNotUseThePortal() {
		assertThat(perform(as(this.alice, get("/people"))).getRedirectedUrl()).isEqualTo("/portal");
		assertThat(perform(as(this.alice, get("/"))).getRedirectedUrl()).isEqualTo("/portal");
		assertThat(perform(as(this.alice, get("/users"))).getRedirectedUrl()).isEqualTo("/portal");
		assertThat(perform(as(this.alice, post("/places").with(csrf()))).getStatus()).isEqualTo(403);
		String token = this.callers.token(this.alice.mobile(), ApiCallers.OWN_PASSWORD);
		assertThat(perform(bearer(get("/api/v1/residents"), token)).getStatus()).isEqualTo(403);
		assertThat(perform(bearer(get("/api/v1/users"), token)).getStatus()).isEqualTo(403);
		assertThat(perform(bearer(post("/api/v1/appeals"), token).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.getStatus()).isEqualTo(403);

		CurrentUser staff = adminUser();
		assertThat(perform(get("/portal").with(authentication(signedIn(staff)))).getStatus()).isEqualTo(403);
		assertThat(perform(get("/portal")).getRedirectedUrl()).endsWith("/portal/login");
	}

	@Test
	void aResidentSignsInOnThePortalWithTheirMobile() {
		MockHttpServletResponse in = perform(post("/login").param("username", this.alice.mobile())
			.param("password", ApiCallers.OWN_PASSWORD)
			.param("portal", "1")
			.with(csrf()));
		MockHttpServletResponse wrong = perform(post("/login").param("username", this.alice.mobile())
			.param("password", "Wrong-Pass-1")
			.param("portal", "1")
			.with(csrf()));

		assertThat(in.getRedirectedUrl()).isEqualTo("/portal");
		assertThat(wrong.getRedirectedUrl()).isEqualTo("/portal/login?error");
		assertThat(content(perform(get("/portal/login")))).contains("居民登录").contains("type=\"tel\"");
	}

	private long submitted(Resident resident, String title) {
		MockHttpServletResponse sent = perform(submit(resident, title));
		assertThat(sent.getStatus()).as("portal intake of %s", title).isEqualTo(302);
		return Long.parseLong(sent.getRedirectedUrl().replaceAll("\\D+(\\d+)\\D*", "$1"));
	}

	private MockHttpServletResponse perform(RequestBuilder request) {
		try {
			return this.mvc.perform(request).andReturn().getResponse();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private RequestBuilder submit(Resident resident, String title, MockMultipartFile... photos) {
		MockMultipartHttpServletRequestBuilder request = multipart("/portal/appeals");
		for (MockMultipartFile photo : photos) {
			request.file(photo);
		}
		return as(resident,
				request.param("categoryCode", this.category.code())
					.param("title", title)
					.param("description", title + "，请尽快处理。")
					.with(csrf()));
	}

	private static MockMultipartFile photo(String name, String type, byte[] bytes) {
		return new MockMultipartFile("photos", name, type, bytes);
	}

	private long appealsOf(Resident resident) {
		return this.jdbc.sql("select count(*) from appeal where community_id = 1 and person_id = :p")
			.param("p", resident.person().id())
			.query(Long.class)
			.single();
	}

	private static <B extends AbstractMockHttpServletRequestBuilder<B>> B as(Resident resident, B request) {
		return request.with(authentication(signedIn(resident.user())));
	}

	private CurrentUser adminUser() {
		UserAccount admin = this.users.all(RegistryFixtures.COMMUNITY)
			.stream()
			.filter((account) -> account.username().equals("admin"))
			.findFirst()
			.orElseThrow();
		return new CurrentUser(1, admin.id(), "admin", admin.displayName(), Role.ADMIN, Set.of(), null, null, false);
	}

	/**
	 * A resident whose first password is changed, so that the portal lets them in.
	 */
	private Resident resident(Street street) {
		Person person = this.registry.person(street.room().id());
		UserAccount account = this.registry.user(Role.RESIDENT, Set.of(), null, person.id());
		String mobile = this.registry.loginName(account);
		CurrentUser first = new CurrentUser(1, account.id(), mobile, account.displayName(), Role.RESIDENT, Set.of(),
				null, person.id(), true);
		this.users.changeOwnPassword(first, RegistryFixtures.FIRST_PASSWORD, ApiCallers.OWN_PASSWORD);
		return new Resident(person, mobile, new CurrentUser(1, account.id(), mobile, account.displayName(),
				Role.RESIDENT, Set.of(), null, person.id(), false));
	}

	private static UsernamePasswordAuthenticationToken signedIn(CurrentUser user) {
		var authorities = new java.util.ArrayList<SimpleGrantedAuthority>();
		user.role().permissions().forEach((p) -> authorities.add(new SimpleGrantedAuthority(p.name())));
		authorities.add(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
	}

	record Resident(Person person, String mobile, CurrentUser user) {
	}

}
