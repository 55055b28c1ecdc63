package org.anju.care;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anju.identity.CurrentUser;
import org.anju.people.PeopleQuery;
import org.anju.people.PeopleSearch;
import org.anju.people.Person;
import org.anju.people.PersonStatus;

import org.springframework.stereotype.Component;

/**
 * Who is visited at a festival (春节, 重阳节, 中秋): every registered retiree (the groups that
 * the qualification check counts) who is 70 or older on the festival's day, and, whatever
 * their age, everyone on the living-alone, empty-nest, hardship or illness list.
 */
@Component
class FestivalCandidates implements VisitCandidates {

	static final int AGE = 70;

	private final PeopleSearch search;

	private final SpecialListCandidates lists;

	FestivalCandidates(PeopleSearch search, SpecialListCandidates lists) {
		this.search = search;
		this.lists = lists;
	}

	@Override
	public Set<VisitListRule> rules() {
		return Set.of(VisitListRule.SPRING_FESTIVAL, VisitListRule.DOUBLE_NINTH, VisitListRule.MID_AUTUMN);
	}

	@Override
	public List<Candidate> find(CurrentUser user, VisitListRule rule, LocalDate from, LocalDate to) {
		Map<Long, Candidate> found = new LinkedHashMap<>();
		for (String group : QualificationChecks.RETIREE_GROUPS) {
			this.search.forEach(user.scope(), new PeopleQuery(null, group, null, null, PersonStatus.REGISTERED),
					(person) -> {
						int age = Period.between(person.birthDate(), from).getYears();
						if (age >= AGE) {
							found.putIfAbsent(person.id(),
									new Candidate(person, "SENIOR", List.of(Integer.toString(age))));
						}
					});
		}
		for (Candidate flagged : this.lists.onLists(user,
				Set.of(SpecialList.LIVING_ALONE, SpecialList.EMPTY_NEST, SpecialList.HARDSHIP, SpecialList.ILLNESS),
				to)) {
			found.putIfAbsent(flagged.person().id(), flagged);
		}
		return new ArrayList<>(found.values());
	}

}
