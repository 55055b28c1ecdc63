package org.anju.letters;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.appeals.AppealView;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.letters.LetterFixtures.Area;
import org.anju.shared.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Responsibility letters over the API, on the real database: the score of an area's
 * letter from that area's appeals only, the veto of a collective appeal with the appeal
 * behind it, signing, versions, cascading, reach and bad input.
 */
@AnjuSpringTest
class LetterTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	LetterFixtures fixtures;

	RegistryFixtures registry;

	int year;

	@BeforeEach
	void anAdministrator() {
		this.fixtures = LetterFixtures.from(this.context);
		this.registry = this.fixtures.registry;
		this.year = LocalDate.now(Territory.ZONE).getYear();
	}

	@Test
	void anAreasLetterScoresThatAreasAppealsOnlyAndACollectiveAppealVetoesItWithTheAppealShown() {
		Area area = this.fixtures.area();
		Area other = this.fixtures.area();
		long letter = this.fixtures.letter(area, this.year);
		this.fixtures.appeal(other.street(), 8, true);
		String clean = score(letter, this.fixtures.admin);
		// LetterFixtures.areaTargets over an area with no appeals: no collective appeal
		// (veto met, 10), none
		// escalated (20), on-time resolution with nothing to count is met (30); the
		// callback-satisfaction
		// bonus (5) has no callback to count, and a bonus needs evidence: 10 + 20 + 30 =
		// 60 of a maximum of 60
		assertThat(number(clean, "$.total")).as(clean).isEqualTo(60.0);
		assertThat(number(clean, "$.max")).isEqualTo(60.0);
		assertThat((Boolean) JsonPath.read(clean, "$.vetoed")).isFalse();

		AppealView escalated = this.fixtures.appeal(area.street(), 1, true);
		String oneEscalated = score(letter, this.fixtures.admin);
		assertThat(number(oneEscalated, "$.lines[?(@.metric == 'ESCALATED_APPEALS')].earned")).isEqualTo(15.0);
		// one escalated appeal costs the escalation target its deduction of 5; still no
		// callback for the bonus
		assertThat(number(oneEscalated, "$.total")).isEqualTo(55.0);
		assertThat(number(oneEscalated, "$.lines[?(@.metric == 'CALLBACK_SATISFACTION')].earned")).isEqualTo(0.0);
		assertThat((List<Integer>) JsonPath.read(oneEscalated,
				"$.lines[?(@.metric == 'ESCALATED_APPEALS')].evidence[*].id"))
			.containsExactly((int) escalated.id());

		AppealView collective = this.fixtures.appeal(area.street(), 6, false);
		String vetoed = score(letter, this.fixtures.admin);
		assertThat((Boolean) JsonPath.read(vetoed, "$.vetoed")).isTrue();
		assertThat(number(vetoed, "$.total")).isEqualTo(0.0);
		assertThat(
				(List<String>) JsonPath.read(vetoed, "$.lines[?(@.metric == 'COLLECTIVE_APPEALS')].evidence[*].link"))
			.containsExactly("/appeals/" + collective.id());
		assertThat((List<String>) JsonPath.read(vetoed, "$.lines[?(@.metric == 'COLLECTIVE_APPEALS')].name"))
			.containsExactly("群体性事件（集体访）件数");
	}

	@Test
	void aSignedVersionIsFrozenAndAChangeMakesTheNextVersionWhichOnlyTheRecipientSigns() {
		Area area = this.fixtures.area();
		long letter = this.fixtures.letter(area, this.year);
		UserAccount stranger = this.registry.user(Role.GRID_WORKER, Set.of(area.street().grid().id()), null, null);
		String strangerToken = this.fixtures.callers.firstLogin(stranger, RegistryFixtures.FIRST_PASSWORD);

		assertThat(this.fixtures.sign(letter, 1, strangerToken).getStatus()).as("not the recipient: out of reach")
			.isEqualTo(404);
		assertThat(this.fixtures.sign(letter, 1, this.fixtures.admin).getStatus()).as("the admin is not the recipient")
			.isEqualTo(409);
		MockHttpServletResponse signed = this.fixtures.sign(letter, 1, area.headToken());
		assertThat(signed.getStatus()).as(content(signed)).isEqualTo(200);
		assertThat((String) JsonPath.read(content(signed), "$.state")).isEqualTo("SIGNED");
		assertThat((Integer) JsonPath.read(content(signed), "$.versions[0].signedBy"))
			.isEqualTo((int) area.head().id());
		assertThat(this.fixtures.sign(letter, 1, area.headToken()).getStatus()).as("signed already").isEqualTo(409);

		String etag = signed.getHeader("ETag");
		String change = this.fixtures.callers.body(Map.of("note", "提高办结率要求", "targets",
				List.of(LetterFixtures.target("ON_TIME_RESOLUTION", "SCORED", 95, 30, 3))));
		assertThat(
				this.fixtures.call(post("/api/v1/letters/{id}/versions", letter).content(change), this.fixtures.admin)
					.getStatus())
			.as("without If-Match")
			.isEqualTo(428);
		MockHttpServletResponse revised = this.fixtures.call(
				post("/api/v1/letters/{id}/versions", letter).header("If-Match", etag).content(change),
				this.fixtures.admin);
		assertThat(revised.getStatus()).as(content(revised)).isEqualTo(200);
		String body = content(revised);
		assertThat((Integer) JsonPath.read(body, "$.currentVersion")).isEqualTo(2);
		assertThat((String) JsonPath.read(body, "$.state")).isEqualTo("DRAFT");
		assertThat((List<Object>) JsonPath.read(body, "$.versions[0].targets")).hasSize(4);
		assertThat((String) JsonPath.read(body, "$.versions[0].signedByName")).isNotNull();
		assertThat((List<Object>) JsonPath.read(body, "$.versions[1].targets")).hasSize(1);
		assertThat((Integer) JsonPath.read(score(letter, area.headToken()), "$.versionNumber"))
			.as("the signed version binds until the next is signed")
			.isEqualTo(1);

		assertThat(this.fixtures.sign(letter, 1, area.headToken()).getStatus()).as("an old version").isEqualTo(409);
		assertThat(this.fixtures.sign(letter, 2, area.headToken()).getStatus()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(score(letter, area.headToken()), "$.versionNumber")).isEqualTo(2);
		assertThat(audit(letter)).as("the stranger's try is recorded as denied")
			.containsExactly("LETTER_CREATED", "ACCESS_DENIED", "LETTER_SIGNED", "LETTER_REVISED", "LETTER_SIGNED");
	}

	@Test
	void staffSeeOnlyTheLettersOfTheirPosts() {
		Area area = this.fixtures.area();
		Area other = this.fixtures.area();
		long mine = this.fixtures.letter(area, this.year);
		long theirs = this.fixtures.letter(other, this.year);

		String list = content(this.fixtures.call(get("/api/v1/letters?year=" + this.year), area.headToken()));
		assertThat((List<Integer>) JsonPath.read(list, "$.items[*].id")).contains((int) mine)
			.doesNotContain((int) theirs);
		assertThat(this.fixtures.call(get("/api/v1/letters/{id}", theirs), area.headToken()).getStatus())
			.isEqualTo(404);
		assertThat(this.fixtures.call(get("/api/v1/letters/{id}/score", theirs), area.headToken()).getStatus())
			.isEqualTo(404);
		assertThat(this.fixtures.call(get("/api/v1/letters/{id}/score", mine), area.headToken()).getStatus())
			.isEqualTo(200);
		assertThat(this.fixtures
			.create(this.fixtures.administration(), area.street().area().id(), null, this.year,
					LetterFixtures.areaTargets())
			.getStatus()).isEqualTo(201);
		assertThat(this.fixtures
			.call(post("/api/v1/letters").content(this.fixtures.callers.body(Map.of("title", "x"))), area.headToken())
			.getStatus()).as("staff do not create letters").isEqualTo(403);
	}

	@Test
	void aLetterCascadesToEveryUnitBelowOnceWithItsTargets() {
		Area area = this.fixtures.area();
		MockHttpServletResponse created = this.fixtures.create(this.fixtures.administration(),
				area.street().area().id(), null, this.year, LetterFixtures.areaTargets());
		long letter = ((Number) JsonPath.read(content(created), "$.id")).longValue();

		String cascaded = content(
				this.fixtures.call(post("/api/v1/letters/{id}/cascade", letter), this.fixtures.admin));
		assertThat((List<Integer>) JsonPath.read(cascaded, "$.items[*].recipientUnitId"))
			.containsExactly((int) area.street().grid().id());
		assertThat((List<Integer>) JsonPath.read(cascaded, "$.items[*].parentId")).containsExactly((int) letter);
		assertThat((List<Integer>) JsonPath.read(cascaded, "$.items[*].issuerUnitId"))
			.containsExactly((int) area.street().area().id());
		assertThat((List<String>) JsonPath.read(cascaded, "$.items[0].versions[0].targets[*].metric"))
			.containsExactly("COLLECTIVE_APPEALS", "ESCALATED_APPEALS", "ON_TIME_RESOLUTION", "CALLBACK_SATISFACTION");
		String again = content(this.fixtures.call(post("/api/v1/letters/{id}/cascade", letter), this.fixtures.admin));
		assertThat((List<Object>) JsonPath.read(again, "$.items")).isEmpty();
	}

	@Test
	void badInputIsNamedFieldByFieldAndNothingIsWritten() {
		Area area = this.fixtures.area();
		long before = letters();
		MockHttpServletResponse bad = this.fixtures.create(area.street().area().id(), this.fixtures.administration(),
				999_999_999L, this.year,
				List.of(LetterFixtures.target("ON_TIME_RESOLUTION", "SCORED", 120, 10, 2),
						LetterFixtures.target("NO_SUCH", "SCORED", 0, 10, 2),
						LetterFixtures.target("COLLECTIVE_APPEALS", "VETO", 0.5, 10, 0),
						LetterFixtures.target("ESCALATED_APPEALS", "MAYBE", 0, 10, 20)));
		assertThat(bad.getStatus()).as(content(bad)).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(bad), "$.errors[*].field")).containsExactlyInAnyOrder(
				"recipientUnitId", "recipientPostId", "targets[0].threshold", "targets[1].metric",
				"targets[2].threshold", "targets[3].kind", "targets[3].deduction");
		assertThat((List<String>) JsonPath.read(content(bad), "$.errors[?(@.field == 'targets[1].metric')].message"))
			.containsExactly("未知的考核指标：NO_SUCH。");
		MockHttpServletResponse english = this.fixtures.callers.perform(
				ApiCallers.bearer(
						post("/api/v1/letters").contentType("application/json")
							.header("Accept-Language", "en")
							.content(this.fixtures.callers
								.body(Map.of("title", "", "issuerUnitId", 1, "targets", List.of()))),
						this.fixtures.admin));
		assertThat(english.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(english), "$.errors[?(@.field == 'targets')].message"))
			.containsExactly("A letter needs at least one target.");
		assertThat(letters()).isEqualTo(before);
	}

	private String score(long letter, String token) {
		MockHttpServletResponse response = this.fixtures.call(get("/api/v1/letters/{id}/score", letter), token);
		assertThat(response.getStatus()).as(content(response)).isEqualTo(200);
		return content(response);
	}

	private static double number(String json, String path) {
		Object value = JsonPath.read(json, path);
		if (value instanceof List<?> list) {
			value = list.get(0);
		}
		return ((Number) value).doubleValue();
	}

	private long letters() {
		return this.jdbc.sql("select count(*) from letter").query(Long.class).single();
	}

	private List<String> audit(long letter) {
		return this.jdbc.sql(
				"select action from audit_event where community_id = 1 and subject_type = 'LETTER' and subject_id = :id order by id")
			.param("id", String.valueOf(letter))
			.query(String.class)
			.list();
	}

}
