package org.anju.appeals.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealFixtures;
import org.anju.appeals.RoutingRule;
import org.anju.appeals.RoutingRules;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.anju.RegistryFixtures.COMMUNITY;
import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The categories page as an editor uses it: the tree, an edit in place, a refused edit
 * that keeps the old values, a rule added and removed.
 */
@AnjuSpringTest
class CategoryConsoleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserManagement users;

	@Autowired
	PlaceManagement places;

	@Autowired
	AppealCategories categories;

	@Autowired
	RoutingRules rules;

	AppealFixtures appeals;

	@BeforeEach
	void fixtures() {
		this.appeals = new AppealFixtures(this.categories, this.rules);
	}

	@Test
	void anEditorSeesTheTreeAndTheRulesInChineseOrEnglish() throws Exception {
		this.mvc.perform(as(admin(), get("/appeal-categories")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("养老金")))
			.andExpect(content().string(containsString("分派规则")));
		this.mvc.perform(as(admin(), get("/appeal-categories").param("lang", "en")))
			.andExpect(content().string(containsString("Routing rules")));
	}

	@Test
	void whoMayNotEditReferenceDataIsTurnedAway() throws Exception {
		UserAccount opened = new RegistryFixtures(this.places, null, this.users).user(Role.LEADER, Set.of(), null,
				null);
		CurrentUser leader = user(opened);
		this.users.changeOwnPassword(leader, RegistryFixtures.FIRST_PASSWORD, "Later-Pass-2");

		this.mvc.perform(as(leader, get("/appeal-categories"))).andExpect(status().isForbidden());
	}

	@Test
	void anEditInPlaceIsSavedAndABrokenOneIsShownAndNotSaved() throws Exception {
		AppealCategory category = this.appeals.category("PROPERTY");

		this.mvc.perform(as(admin(), edit(category, "12"))).andExpect(redirectedUrl("/appeal-categories?saved"));
		this.mvc.perform(as(admin(), edit(this.categories.get(COMMUNITY, category.code()), "0")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("办理时限须为 1 到 60 个工作日")));

		AppealCategory after = this.categories.get(COMMUNITY, category.code());
		assertThat(after.limitDays()).isEqualTo(12);
		assertThat(after.active()).as("an unticked box deactivates").isFalse();
	}

	@Test
	void aRuleIsAddedFromTheFormAndRemoved() throws Exception {
		AppealCategory category = this.appeals.category("PROPERTY");

		this.mvc
			.perform(as(admin(),
					post("/appeal-categories/rules").with(csrf())
						.param("categoryCode", category.code())
						.param("areaId", "")
						.param("gridId", "")
						.param("departmentCode", "SANITATION")
						.param("assigneeUserId", "")
						.param("priority", "7")))
			.andExpect(redirectedUrl("/appeal-categories?saved"));
		List<RoutingRule> added = rulesOf(category);
		assertThat(added).extracting(RoutingRule::departmentCode, RoutingRule::priority)
			.containsExactly(tuple("SANITATION", 7));

		this.mvc
			.perform(as(admin(),
					post("/appeal-categories/rules/{id}/delete", added.get(0).id()).with(csrf()).param("version", "0")))
			.andExpect(redirectedUrl("/appeal-categories?saved"));
		assertThat(rulesOf(category)).isEmpty();
	}

	private List<RoutingRule> rulesOf(AppealCategory category) {
		return this.rules.all(COMMUNITY)
			.stream()
			.filter((rule) -> rule.categoryCode().equals(category.code()))
			.collect(Collectors.toList());
	}

	private static MockHttpServletRequestBuilder edit(AppealCategory category, String limitDays) {
		return post("/appeal-categories/{code}", category.code()).with(csrf())
			.param("version", String.valueOf(category.version()))
			.param("nameZh", category.nameZh())
			.param("nameEn", category.nameEn())
			.param("departmentCode", category.departmentCode())
			.param("limitDays", limitDays)
			.param("warningPercent", "75")
			.param("callbackRequired", "true");
	}

	private CurrentUser admin() {
		return user(this.users.all(COMMUNITY)
			.stream()
			.filter((account) -> account.username().equals("admin"))
			.findFirst()
			.orElseThrow());
	}

	private static CurrentUser user(UserAccount account) {
		return new CurrentUser(COMMUNITY.value(), account.id(), account.username(), account.displayName(),
				account.role(), account.gridIds(), account.departmentCode(), account.personId(), false);
	}

	private static MockHttpServletRequestBuilder as(CurrentUser user, MockHttpServletRequestBuilder request) {
		List<SimpleGrantedAuthority> authorities = user.role()
			.permissions()
			.stream()
			.map((permission) -> new SimpleGrantedAuthority(permission.name()))
			.collect(Collectors.toList());
		authorities.add(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
		Authentication signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
		return request.with(authentication(signedIn));
	}

}
