package org.anju.messaging;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.places.PlaceManagement;
import org.anju.shared.Phone;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console's text message page: the outbox with masked numbers, and the template
 * editor with its preview, for those who may use them.
 */
@AnjuSpringTest
class SmsConsoleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TextMessages messages;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceManagement places;

	@Autowired
	UserManagement users;

	@Test
	void aLeaderSeesTheOutboxMaskedAndTheTemplatesWithoutSaving() throws Exception {
		Phone to = MessagingFixtures.phone();
		new MessagingFixtures(this.messages, this.transaction, this.jdbc).sendCommitted(to);

		this.mvc.perform(this.as(Role.LEADER, get("/sms")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(to.masked()), not(containsString(to.value())),
					containsString("回访评价"), containsString("href=\"/sms\""), not(containsString(">保存<")))));
	}

	@Test
	void othersDoNotSeeThePage() throws Exception {
		this.mvc.perform(this.as(Role.DEPARTMENT_STAFF, get("/sms"))).andExpect(status().isForbidden());
	}

	@Test
	void thePreviewFillsInSampleValuesOrSaysWhatIsWrong() throws Exception {
		this.mvc
			.perform(this.as(Role.LEADER,
					post("/sms/templates/APPEAL_RECEIVED/preview").with(csrf())
						.param("bodyZh", "【{community}】编号 {number}")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("【示范企业社区】编号 2026-000123")));
		this.mvc
			.perform(this.as(Role.LEADER,
					post("/sms/templates/APPEAL_RECEIVED/preview").with(csrf()).param("bodyZh", "{reply}")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不能用在这个模板里")));
	}

	@Test
	void aLeaderCannotSaveATemplate() throws Exception {
		this.mvc.perform(this.as(Role.LEADER,
				post("/sms/templates/APPEAL_RECEIVED").with(csrf()).param("bodyZh", "{number}").param("version", "0")))
			.andExpect(status().isForbidden());
	}

	@Test
	void aBadEditKeepsWhatWasTypedAndSaysWhy() throws Exception {
		this.mvc
			.perform(this.as(Role.ADMIN,
					post("/sms/templates/APPEAL_RECEIVED").with(csrf())
						.param("bodyZh", "编号 {number} {oops}")
						.param("version", "0")))
			.andExpect(status().isOk())
			.andExpect(content().string(
					allOf(containsString("编号 {number} {oops}"), containsString("oops"), containsString("不能用在这个模板里"))));
	}

	/**
	 * Signs a new account of the role in, as the console's form login does; the session
	 * filter checks that the account exists.
	 */
	private MockHttpServletRequestBuilder as(Role role, MockHttpServletRequestBuilder request) {
		UserAccount opened = new RegistryFixtures(this.places, null, this.users).user(role, Set.of(),
				(role == Role.DEPARTMENT_STAFF) ? "RETIREE_AFFAIRS" : null, null);
		this.users.changeOwnPassword(user(opened), RegistryFixtures.FIRST_PASSWORD, "Later-Pass-2");
		CurrentUser user = user(this.users.get(RegistryFixtures.COMMUNITY, opened.id()));
		List<SimpleGrantedAuthority> authorities = role.permissions()
			.stream()
			.map((permission) -> new SimpleGrantedAuthority(permission.name()))
			.collect(Collectors.toList());
		return request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities)));
	}

	private static CurrentUser user(UserAccount account) {
		return new CurrentUser(RegistryFixtures.COMMUNITY.value(), account.id(), account.username(),
				account.displayName(), account.role(), account.gridIds(), account.departmentCode(), account.personId(),
				account.mustChangePassword());
	}

}
