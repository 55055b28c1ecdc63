package org.anju.console;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import jakarta.servlet.RequestDispatcher;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserManagement;
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
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.ReflectionUtils.MethodFilter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The console's frame (who is signed in, the navigation and its current entry) reaches
 * every page a console handler renders, and an API call pays nothing for it.
 */
@AnjuSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleModelTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	@Autowired
	UserManagement users;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	CurrentUser admin;

	CurrentUser gridWorker;

	Place room;

	@BeforeAll
	void users() {
		this.admin = ConsoleFixtures.admin(this.users);
		Place area = this.places.create(this.admin, PlaceKind.AREA, ConsoleFixtures.unique("框架片区"), null);
		Place grid = this.places.create(this.admin, PlaceKind.GRID, ConsoleFixtures.unique("框架网格"), area.id());
		Place building = this.places.create(this.admin, PlaceKind.BUILDING, "1栋", grid.id());
		this.room = this.places.create(this.admin, PlaceKind.ROOM, "101", building.id());
		this.gridWorker = ConsoleFixtures.account(this.users, Role.GRID_WORKER, Set.of(grid.id()), null);
	}

	@Test
	void noModelAttributeAdviceAppliesToAnApi() {
		// what RequestMappingHandlerAdapter asks, on every request, of each advice with
		// model attribute methods: whether to build and invoke them for this handler
		MethodFilter modelAttributes = (method) -> AnnotatedElementUtils.hasAnnotation(method, ModelAttribute.class);
		List<ControllerAdviceBean> withModelAttributes = ControllerAdviceBean.findAnnotatedBeans(this.context)
			.stream()
			.filter((advice) -> advice.getBeanType() != null
					&& !MethodIntrospector.selectMethods(advice.getBeanType(), modelAttributes).isEmpty())
			.toList();
		Set<Class<?>> apis = this.handlers.getHandlerMethods()
			.values()
			.stream()
			.map(HandlerMethod::getBeanType)
			.filter((type) -> AnnotatedElementUtils.hasAnnotation(type, ResponseBody.class))
			.collect(Collectors.toSet());

		assertThat(apis).extracting(Class::getSimpleName).contains("AppealApi", "AuthApi", "GeoReportApi");
		for (Class<?> api : apis) {
			assertThat(withModelAttributes).as("model attribute advice for %s", api.getSimpleName())
				.noneMatch((advice) -> advice.isApplicableToBeanType(api));
		}
	}

	@Test
	void anApiCallBuildsNoPage() throws Exception {
		List<String> askers = new CopyOnWriteArrayList<>();
		Authentication watched = watched(this.admin, askers);

		this.mvc.perform(get("/api/v1/auth/me").with(authentication(watched))).andExpect(status().isOk());
		// answered by ProblemAnswers
		this.mvc.perform(get("/api/v1/appeals/999999999").with(authentication(watched)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/api/v1/appeals").with(authentication(watched))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"))
			.andExpect(status().is(422));

		assertThat(askers).as("who asked who is signed in, for a page").isEmpty();
	}

	@Test
	void aPageShowsWhoIsSignedInWhatTheyMayOpenAndWhereTheyAre() throws Exception {
		this.mvc.perform(as(this.admin, get("/places")))
			.andExpect(status().isOk())
			.andExpect(
					content().string(allOf(containsString(this.admin.displayName()), containsString("href=\"/users\""),
							containsString("href=\"/places\" accesskey=\"l\" class=\"current\""))));
		this.mvc.perform(as(this.gridWorker, get("/people")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(this.gridWorker.displayName()),
					containsString("href=\"/people\" accesskey=\"p\" class=\"current\""),
					not(containsString("href=\"/users\"")))));
	}

	@Test
	void aFormSentBackWithErrorsKeepsItsFrame() throws Exception {
		Person person = this.people.register(this.admin, new PersonForm(RegistryFixtures.chineseName(),
				ConsoleFixtures.idNumber(), null, this.room.id(), List.of(), null, null, null));
		this.mvc
			.perform(as(this.gridWorker,
					post("/people/" + person.id() + "/edit").with(csrf())
						.param("name", person.name())
						.param("idNumber", person.idNumber())
						.param("phone", "12345")
						.param("roomId", String.valueOf(this.room.id()))
						.param("version", String.valueOf(person.version()))))
			.andExpect(status().isOk())
			.andExpect(view().name("people/form"))
			.andExpect(content().string(allOf(containsString("电话号码格式不对"), containsString(this.gridWorker.displayName()),
					containsString("href=\"/people\" accesskey=\"p\" class=\"current\""))));
	}

	@Test
	void aRedirectCarriesNoneOfTheFrameInItsAddress() throws Exception {
		// a leader is also reminded of an unpublished calendar year
		CurrentUser leader = ConsoleFixtures.account(this.users, Role.LEADER, Set.of(), null);
		this.mvc.perform(as(leader, post("/inbox/read-all").with(csrf()))).andExpect(redirectedUrl("/inbox"));
	}

	@Test
	void errorPagesAreFramedToo() throws Exception {
		// rendered by ConsoleErrors, an exception handler
		this.mvc.perform(as(this.gridWorker, get("/people/999999999")))
			.andExpect(status().isNotFound())
			.andExpect(view().name("error/404"))
			.andExpect(content().string(allOf(containsString(this.gridWorker.displayName()),
					containsString("href=\"/people\""), not(containsString("class=\"current\"")))));
		// rendered by Spring Boot's error controller, where a refusal's sendError leads
		this.mvc
			.perform(as(this.gridWorker,
					get("/error").accept(MediaType.TEXT_HTML)
						.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
						.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/users")))
			.andExpect(content().string(allOf(containsString("403"), containsString(this.gridWorker.displayName()),
					containsString("href=\"/people\""))));
	}

	private MockHttpServletRequestBuilder as(CurrentUser user, MockHttpServletRequestBuilder request) {
		return request.with(authentication(ConsoleFixtures.signedIn(user)));
	}

	/**
	 * @return the user's sign-in, which notes each time a model attribute method or an
	 * interceptor's postHandle, both only of use to a page, asks for the user
	 */
	private static Authentication watched(CurrentUser user, List<String> askers) {
		Authentication signedIn = ConsoleFixtures.signedIn(user);
		return new UsernamePasswordAuthenticationToken(user, null, signedIn.getAuthorities()) {

			@Override
			public Object getPrincipal() {
				StackWalker.getInstance()
					.walk((frames) -> frames
						.filter((frame) -> frame.getClassName().endsWith(".ModelFactory")
								|| frame.getMethodName().equals("applyPostHandle"))
						.findFirst())
					.ifPresent((frame) -> askers.add(frame.getClassName() + "." + frame.getMethodName()));
				return super.getPrincipal();
			}

		};
	}

}
