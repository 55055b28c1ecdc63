package org.anju.platform;

import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.identity.ApiCallers;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.anju.shared.IdNumber;
import org.anju.shared.IdNumberFixtures;
import org.anju.shared.Phone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Whatever goes wrong, no log line and no answer holds a full ID number or phone.
 */
@AnjuSpringTest
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDuplicateRegistrationLeaksNeitherNumber(CapturedOutput output) {
		ApiCallers callers = new ApiCallers(this.mvc, this.json);
		long room = new RegistryFixtures(this.places, this.people, null).street().room().id();
		String idNumber = IdNumberFixtures.newIdNumber();
		String phone = RegistryFixtures.mobile();
		String admin = callers.adminToken();

		MockHttpServletResponse first = register(callers, admin, idNumber, phone, room);
		MockHttpServletResponse duplicate = register(callers, admin, idNumber, phone, room);

		assertThat(first.getStatus()).isEqualTo(201);
		assertThat(duplicate.getStatus()).isEqualTo(422);
		assertThat((String) JsonPath.read(content(duplicate), "$.errors[0].message")).contains(IdNumber.mask(idNumber));
		assertThat(content(first) + content(duplicate)).doesNotContain(idNumber).doesNotContain(phone);
		assertThat(output.getAll()).doesNotContain(idNumber).doesNotContain(phone);
	}

	@Test
	void aDatabaseErrorQuotingBothNumbersIsLoggedMasked(CapturedOutput output) {
		ApiCallers callers = new ApiCallers(this.mvc, this.json);
		long room = new RegistryFixtures(this.places, this.people, null).street().room().id();
		String idNumber = IdNumberFixtures.newIdNumber();
		String phone = RegistryFixtures.mobile();
		String admin = callers.adminToken();
		// A database that refuses this one person and quotes them, as constraint errors
		// do.
		String trigger = "refuse_" + idNumber.toLowerCase();
		this.jdbc.sql("""
				create function %1$s() returns trigger language plpgsql as $$
				begin
					raise exception 'refused person %% with phone %%', new.id_number, new.phone;
				end $$;
				create trigger %1$s before insert on person for each row
					when (new.id_number = '%2$s') execute function %1$s();
				""".formatted(trigger, idNumber)).update();
		MockHttpServletResponse response;
		try {
			response = register(callers, admin, idNumber, phone, room);
		}
		finally {
			this.jdbc.sql("drop trigger %1$s on person; drop function %1$s();".formatted(trigger)).update();
		}

		assertThat(response.getStatus()).isEqualTo(500);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(content(response)).doesNotContain(idNumber).doesNotContain(phone).doesNotContain("refused");
		assertThat(output.getAll()).as("the error was logged")
			.contains("refused person " + IdNumber.mask(idNumber) + " with phone " + Phone.mask(phone))
			.doesNotContain(idNumber)
			.doesNotContain(phone);
		assertThat(this.jdbc.sql("select count(*) from person where id_number = :n")
			.param("n", idNumber)
			.query(Long.class)
			.single()).as("nothing half-written").isZero();
	}

	private static MockHttpServletResponse register(ApiCallers callers, String token, String idNumber, String phone,
			long room) {
		return callers.perform(bearer(post("/api/v1/residents"), token).contentType(MediaType.APPLICATION_JSON)
			.content(callers.body(Map.of("name", RegistryFixtures.chineseName(), "idNumber", idNumber, "phone", phone,
					"roomId", room))));
	}

}
