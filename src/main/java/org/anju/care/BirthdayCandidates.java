package org.anju.care;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.anju.identity.CurrentUser;
import org.anju.people.PeopleQuery;
import org.anju.people.PeopleSearch;
import org.anju.people.PersonStatus;

import org.springframework.stereotype.Component;

/**
 * Round birthdays (逢十大寿): registered people who turn 80, 90 or 100 within the period. A
 * birthday on 29 February falls on 28 February in other years.
 */
@Component
class BirthdayCandidates implements VisitCandidates {

	static final List<Integer> AGES = List.of(80, 90, 100);

	private final PeopleSearch search;

	BirthdayCandidates(PeopleSearch search) {
		this.search = search;
	}

	@Override
	public Set<VisitListRule> rules() {
		return Set.of(VisitListRule.ROUND_BIRTHDAY);
	}

	@Override
	public List<Candidate> find(CurrentUser user, VisitListRule rule, LocalDate from, LocalDate to) {
		List<Candidate> found = new ArrayList<>();
		this.search.forEach(user.scope(), new PeopleQuery(null, null, null, null, PersonStatus.REGISTERED),
				(person) -> {
					for (int age : AGES) {
						LocalDate birthday = person.birthDate().plusYears(age);
						if (!birthday.isBefore(from) && !birthday.isAfter(to)) {
							found.add(new Candidate(person, "BIRTHDAY",
									List.of(Integer.toString(age), birthday.toString())));
						}
					}
				});
		return found;
	}

}
