package org.anju.surveys;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * A random sample stratified by area and interest group, proportional to each stratum's
 * size (largest remainder), that the same seed over the same population draws again
 * exactly: strata are taken in key order, people within a stratum by id, and one
 * {@link Random} (whose algorithm Java specifies) shuffles them in turn.
 */
final class StratifiedDraw {

	private StratifiedDraw() {
	}

	/**
	 * @return the people drawn, stratum by stratum; everybody when {@code size} is at
	 * least the population
	 */
	static List<Candidate> draw(List<Candidate> population, int size, long seed) {
		Map<String, List<Candidate>> strata = new TreeMap<>();
		for (Candidate candidate : population) {
			strata.computeIfAbsent(candidate.stratum(), (key) -> new ArrayList<>()).add(candidate);
		}
		strata.values().forEach((members) -> members.sort(Comparator.comparingLong(Candidate::personId)));
		int total = population.size();
		int wanted = Math.min(size, total);
		Map<String, Integer> quota = new TreeMap<>();
		List<Map.Entry<String, Double>> remainders = new ArrayList<>();
		int allotted = 0;
		for (Map.Entry<String, List<Candidate>> stratum : strata.entrySet()) {
			double exact = (double) wanted * stratum.getValue().size() / total;
			int whole = (int) Math.floor(exact);
			quota.put(stratum.getKey(), whole);
			allotted += whole;
			remainders.add(Map.entry(stratum.getKey(), exact - whole));
		}
		// the largest remainders get the seats left; the sort is stable, so ties go by
		// key
		remainders.sort(Map.Entry.<String, Double>comparingByValue().reversed());
		for (int i = 0; allotted < wanted; i++, allotted++) {
			quota.merge(remainders.get(i).getKey(), 1, Integer::sum);
		}
		Random random = new Random(seed);
		List<Candidate> drawn = new ArrayList<>(wanted);
		for (Map.Entry<String, List<Candidate>> stratum : strata.entrySet()) {
			List<Candidate> members = new ArrayList<>(stratum.getValue());
			int take = quota.get(stratum.getKey());
			// a partial Fisher-Yates shuffle: the first {@code take} places are the draw
			for (int i = 0; i < take; i++) {
				int j = i + random.nextInt(members.size() - i);
				Candidate picked = members.get(j);
				members.set(j, members.get(i));
				members.set(i, picked);
				drawn.add(picked);
			}
		}
		return drawn;
	}

	/**
	 * Someone who may be drawn. The stratum is the area and the first of the person's
	 * interest groups by code, so that everybody is in exactly one stratum.
	 */
	record Candidate(long personId, String name, @Nullable Long areaId, @Nullable Long gridId, List<String> groups) {

		Candidate {
			groups = groups.stream().sorted().toList();
		}

		String stratum() {
			return ((this.areaId != null) ? this.areaId.toString() : "-") + ":"
					+ (this.groups.isEmpty() ? "-" : this.groups.get(0));
		}

	}

}
