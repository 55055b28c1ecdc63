package org.anju.surveys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.anju.surveys.StratifiedDraw.Candidate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The draw gives each stratum its share of the sample and draws the same people again
 * from the same seed.
 */
class StratifiedDrawTests {

	@Test
	void eachStratumGetsItsShareByLargestRemainder() {
		List<Candidate> population = population();
		List<Candidate> drawn = StratifiedDraw.draw(population, 10, 7);
		Map<String, Long> perStratum = drawn.stream()
			.collect(Collectors.groupingBy(Candidate::stratum, Collectors.counting()));
		// 60 : 30 : 10 of 100 people → 6 : 3 : 1 of 10
		assertThat(perStratum)
			.containsExactlyInAnyOrderEntriesOf(Map.of("1:RETIRED", 6L, "1:VETERAN_RETIRED", 3L, "2:RETIRED", 1L));
		assertThat(drawn).doesNotHaveDuplicates();
	}

	@Test
	void theSameSeedDrawsTheSamePeopleAndAnotherSeedOthers() {
		List<Candidate> population = population();
		List<Long> first = ids(StratifiedDraw.draw(population, 10, 20261126L));
		List<Candidate> shuffled = new ArrayList<>(population);
		java.util.Collections.reverse(shuffled);
		assertThat(ids(StratifiedDraw.draw(shuffled, 10, 20261126L))).as("the population's order does not matter")
			.isEqualTo(first);
		assertThat(ids(StratifiedDraw.draw(population, 10, 20261127L))).isNotEqualTo(first);
	}

	@Test
	void aSampleLargerThanThePopulationTakesEverybody() {
		assertThat(StratifiedDraw.draw(population(), 500, 1)).hasSize(100);
	}

	private static List<Candidate> population() {
		List<Candidate> people = new ArrayList<>();
		for (long id = 1; id <= 100; id++) {
			long area = (id <= 90) ? 1 : 2;
			String group = (id <= 60 || id > 90) ? "RETIRED" : "VETERAN_RETIRED";
			people.add(new Candidate(id, "居民" + id, area, 10L, List.of(group)));
		}
		return people;
	}

	private static List<Long> ids(List<Candidate> drawn) {
		return drawn.stream().map(Candidate::personId).toList();
	}

}
