package org.anju.appeals;

import java.util.List;
import java.util.Map;

import org.anju.AnjuSpringTest;
import org.anju.shared.CommunityId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample appeals behind the demo and the work-queue benchmark look like an office's:
 * numbered on from the community's counter, in every state, the open ones with clocks
 * that agree with their flags, each with its receipt on the timeline and an audit row.
 * The test rolls back, so the shared database keeps none of them.
 */
@AnjuSpringTest
@Transactional
class SampleAppealsTests {

	private static final CommunityId COMMUNITY = new CommunityId(1);

	@Autowired
	SampleAppeals samples;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoThousandSampleAppealsAreNumberedOnAndConsistentWithTheirClocks() {
		long before = this.samples.count(COMMUNITY);
		long after = this.jdbc.sql("select coalesce(max(id), 0) from appeal where community_id = 1")
			.query(Long.class)
			.single();
		Map<Integer, Integer> lastNumbers = lastNumbers();

		assertThat(this.samples.generate(COMMUNITY, 2_000, 7L)).isEqualTo(2_000);

		assertThat(this.samples.count(COMMUNITY)).isEqualTo(before + 2_000);
		String added = " from appeal where community_id = 1 and id > " + after;
		assertThat(this.jdbc.sql("select distinct state" + added).query(String.class).list())
			.containsExactlyInAnyOrder("RECEIVED", "ASSIGNED", "IN_PROGRESS", "RESOLVED", "CLOSED");
		lastNumbers().forEach((year, last) -> {
			List<Integer> numbers = this.jdbc
				.sql("select split_part(number, '-', 2)::int" + added + " and number like :year order by 1")
				.param("year", year + "-%")
				.query(Integer.class)
				.list();
			int from = lastNumbers.getOrDefault(year, 0) + 1;
			assertThat(numbers).as("numbers of %d", year)
				.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(from, last).boxed().toList());
		});
		assertThat(count("select count(*)" + added + " and state in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS')"
				+ " and (flags @> array['OVERDUE']) <> (due_at <= now())"))
			.isZero();
		assertThat(count("select count(*)" + added + " and state = 'RECEIVED' and department_code is not null"))
			.isZero();
		assertThat(count("select count(*)" + added + " and state = 'CLOSED' and (satisfaction is null"
				+ " or closed_at is null or resolved_at is null or resolved_at > closed_at)"))
			.isZero();
		assertThat(count("select count(*)" + added + " and person_id is not null and not exists (select 1 from"
				+ " person p where p.community_id = 1 and p.id = person_id)"))
			.isZero();
		assertThat(count("select count(*) from appeal_timeline where community_id = 1 and appeal_id > " + after
				+ " and action = 'receive'"))
			.isEqualTo(2_000);
		assertThat(count("select count(*) from appeal_timeline t join appeal a on a.community_id = t.community_id"
				+ " and a.id = t.appeal_id where t.community_id = 1 and t.appeal_id > " + after
				+ " and t.action = 'callback' and t.detail ->> 'satisfaction' = a.satisfaction and t.at = a.closed_at"))
			.as("the callback the satisfaction index reads, for every closed appeal")
			.isEqualTo(count("select count(*)" + added + " and state = 'CLOSED'"));
		assertThat(count("select count(*)" + added + " and state <> 'RECEIVED' and not exists (select 1 from"
				+ " appeal_timeline t where t.community_id = 1 and t.appeal_id = appeal.id and t.action = 'assign')"))
			.isZero();
		assertThat(count("select count(*)" + added + " and received_at < now() - interval '2 years'"))
			.as("spread over three years")
			.isPositive();
		assertThat(count("select count(*) from audit_event where community_id = 1 and action = 'APPEALS_GENERATED'"
				+ " and detail ->> 'count' = '2000'"))
			.isPositive();
	}

	private Map<Integer, Integer> lastNumbers() {
		return this.jdbc.sql("select year, last_number from appeal_number where community_id = 1").query((rs) -> {
			Map<Integer, Integer> last = new java.util.HashMap<>();
			while (rs.next()) {
				last.put(rs.getInt(1), rs.getInt(2));
			}
			return last;
		});
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
