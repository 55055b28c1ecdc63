package org.anju.stability;

import java.lang.management.ManagementFactory;
import java.util.Map;

import org.anju.BenchmarkDataSet;
import org.anju.RegistryFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a full risk recompute takes over the demo community with 50,000 people and a
 * million appeals ({@code anju.demo.appeals=1000000}): every signal for every person,
 * group, grid, area and the community, the scores written and the warnings raised. The
 * baseline is one pass over the same appeals in the same run ({@code count(*)} with a
 * filter that reads every row). Not part of the normal build: run it as
 * docs/BENCHMARKS.md says. It shares its data directory with the queue benchmark, so
 * either generates the data once.
 */
@BenchmarkDataSet
@TestPropertySource(
		properties = { "anju.embedded-db.data-dir=target/pg-queue-benchmark", "anju.embedded-db.durable=true" })
class RiskRecomputeBenchmarkTests {

	private static final long BUDGET_MILLIS = 30_000;

	@Autowired
	RiskEngine engine;

	@Autowired
	RiskModels models;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFullRecomputeOfFiftyThousandPeopleAndAMillionAppealsTakesAtMostThirtySeconds() {
		long appeals = this.jdbc.sql("select count(*) from appeal where community_id = 1").query(Long.class).single();
		long people = this.jdbc.sql("select count(*) from person where community_id = 1").query(Long.class).single();
		assertThat(appeals).isGreaterThanOrEqualTo(1_000_000);
		assertThat(people).isGreaterThanOrEqualTo(49_000);

		// The sample has three open appeals per person, a hundred times a real
		// community's load:
		// with the seeded thresholds 33,000 people would be blue or above. An office
		// facing
		// such a load raises its thresholds; so does the benchmark, once.
		RiskModel current = this.models.current(RegistryFixtures.COMMUNITY);
		if (current.thresholds().get(RiskSubject.Type.PERSON).get(WarningLevel.BLUE) < 40) {
			this.models.change(RegistryFixtures.admin(), current.version(),
					new RiskModelChange(null,
							Map.of("PERSON", Map.of("BLUE", 40.0, "YELLOW", 60.0, "ORANGE", 80.0, "RED", 100.0)), null,
							"benchmark: the sample's density"));
		}

		long baselineStart = System.nanoTime();
		this.jdbc.sql("select count(*) from appeal where community_id = 1 and length(title) > 0")
			.query(Long.class)
			.single();
		long baseline = (System.nanoTime() - baselineStart) / 1_000_000;

		long firstStart = System.nanoTime();
		int subjects = this.engine.recomputeAll(RegistryFixtures.COMMUNITY);
		long first = (System.nanoTime() - firstStart) / 1_000_000;
		long warnings = this.jdbc.sql("select count(*) from warning where community_id = 1").query(Long.class).single();
		long secondStart = System.nanoTime();
		this.engine.recomputeAll(RegistryFixtures.COMMUNITY);
		long second = (System.nanoTime() - secondStart) / 1_000_000;

		System.out.printf(
				"RISK RECOMPUTE: %d appeals, %d people -> %d subjects scored, %d warnings; first run %d ms "
						+ "(raising the warnings), second run %d ms; baseline one pass over the appeals %d ms "
						+ "(ratio %.1f); load average %.2f%n",
				appeals, people, subjects, warnings, first, second, baseline, (double) second / Math.max(baseline, 1),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		assertThat(subjects).isPositive();
		assertThat(first).isLessThanOrEqualTo(BUDGET_MILLIS);
		assertThat(second).isLessThanOrEqualTo(BUDGET_MILLIS);
	}

}
