package org.anju.people.roster;

import java.nio.file.Files;
import java.util.List;

import org.anju.identity.CurrentUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The rosters that LibreOffice wrote, imported as an office would. The samples hold fixed
 * ID numbers, so this class has a database of its own to count exactly.
 */
@SpringBootTest(properties = "anju.embedded-db.data-dir=target/pg-roster-samples")
@AutoConfigureMockMvc
class RosterSampleTests {

	private static final CurrentUser ADMIN = RosterFixtures.admin();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSampleBringsInItsPeopleAndPlacesAndAReimportChangesNothing() throws Exception {
		upload("roster-sample.xlsx", true).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(300))
			.andExpect(jsonPath("$.created").value(300))
			.andExpect(jsonPath("$.errors", empty()));
		assertThat(count("select count(*) from person")).as("a dry run writes nothing").isZero();

		upload("roster-sample.xlsx", false).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(300))
			.andExpect(jsonPath("$.created").value(300))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(0))
			.andExpect(jsonPath("$.createdPlaces[?(@.kind == 'AREA')].name", contains("长岭片区")))
			.andExpect(jsonPath("$.createdPlaces[?(@.kind == 'GRID')]", hasSize(2)))
			.andExpect(jsonPath("$.createdPlaces[?(@.kind == 'BUILDING')]", hasSize(12)))
			.andExpect(jsonPath("$.errors", empty()));
		assertThat(count("select count(*) from place where kind = 'AREA' and name = '长岭片区'")).isOne();
		assertThat(count("select count(*) from place where kind = 'GRID'")).isEqualTo(2);
		assertThat(count("select count(*) from place where kind = 'BUILDING'")).isEqualTo(12);
		assertThat(count("select count(*) from person p join place a on a.community_id = p.community_id"
				+ " and a.id = p.area_id where a.name = '长岭片区'"))
			.isEqualTo(300);
		assertThat(
				count("select count(*) from person where phone is not null and phone !~ '^(1\\d{10}|0\\d{2,3}-\\d+)$'"))
			.as("numeric phone cells read as their digits")
			.isZero();
		assertThat(count("select count(*) from person_group")).as("some people have two groups").isGreaterThan(300);
		assertThat(count("select count(*) from person_history where kind = 'IMPORTED'")).isEqualTo(300);
		assertThat(count("select count(*) from import_job where outcome = 'COMMITTED'")).isOne();

		upload("roster-sample.xlsx", false).andExpect(status().isOk())
			.andExpect(jsonPath("$.unchanged").value(300))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.createdPlaces", empty()));
		assertThat(count("select count(*) from person_history")).as("a reimport writes no history").isEqualTo(300);
		assertThat(count("select count(*) from person where version > 0")).isZero();
	}

	@Test
	void theBadSampleListsExactlyItsThreeDefectsAndWritesNothing() throws Exception {
		long people = count("select count(*) from person");
		long places = count("select count(*) from place");
		upload("roster-sample-bad.xlsx", true).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(300))
			.andExpect(jsonPath("$.errors", hasSize(3)))
			.andExpect(jsonPath("$.errors[*].row", contains(11, 51, 101)))
			.andExpect(jsonPath("$.errors[*].column", contains("身份证号", "手机号", "人员类别")))
			.andExpect(jsonPath("$.errors[0].message").value("身份证号校验位不正确。"))
			.andExpect(jsonPath("$.errors[1].value").value("***0013"))
			.andExpect(jsonPath("$.errors[2].value").value("临时工"));
		upload("roster-sample-bad.xlsx", false).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].row", contains(11, 51, 101)));
		assertThat(count("select count(*) from person")).isEqualTo(people);
		assertThat(count("select count(*) from place")).isEqualTo(places);
		assertThat(count("select count(*) from import_job where outcome = 'REJECTED'")).isOne();
	}

	private ResultActions upload(String sample, boolean dryRun) throws Exception {
		byte[] bytes = Files.readAllBytes(RosterFixtures.sample(sample));
		return this.mvc.perform(multipart("/api/v1/residents/imports")
			.file(new MockMultipartFile("file", sample,
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes))
			.param("dryRun", String.valueOf(dryRun))
			.with(authentication(RosterFixtures.as(ADMIN))));
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
