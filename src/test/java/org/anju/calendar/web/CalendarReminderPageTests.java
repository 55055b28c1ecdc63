package org.anju.calendar.web;

import java.time.LocalDate;
import java.util.Set;

import org.anju.AnjuSpringTest;
import org.anju.calendar.WorkingCalendar;
import org.anju.console.ConsoleFixtures;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assumptions.assumeThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reminder of an unpublished year on the console's pages, for administrators and
 * leaders only. The tests leave the calendar's years as they are (2026 is seeded, 2027 is
 * not), so the year asked for is the one the rule in {@link CalendarReminderTests} picks
 * today.
 */
@AnjuSpringTest
class CalendarReminderPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserManagement users;

	@Autowired
	WorkingCalendar calendar;

	@Test
	void administratorsAndLeadersAreRemindedOnEveryPageOthersAreNot() throws Exception {
		Integer year = CalendarReminder.yearToFillIn(LocalDate.now(WorkingCalendar.ZONE), this.calendar::published);
		assumeThat(year).as("a year to fill in today").isNotNull();
		String reminder = "href=\"/calendar?year=" + year + "\"";
		CurrentUser leader = ConsoleFixtures.account(this.users, Role.LEADER, Set.of(), null);
		for (CurrentUser user : Set.of(ConsoleFixtures.admin(this.users), leader)) {
			for (String page : Set.of("/", "/people", "/inbox")) {
				this.mvc.perform(get(page).with(authentication(ConsoleFixtures.signedIn(user))))
					.andExpect(status().isOk())
					.andExpect(content().string(containsString(reminder)));
			}
		}
		CurrentUser staff = ConsoleFixtures.account(this.users, Role.DEPARTMENT_STAFF, Set.of(), "PROPERTY");
		this.mvc.perform(get("/").with(authentication(ConsoleFixtures.signedIn(staff))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("calendar-reminder"))));
	}

}
