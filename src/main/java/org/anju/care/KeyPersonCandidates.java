package org.anju.care;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.anju.identity.CurrentUser;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.people.PersonStatus;
import org.anju.stability.CurrentKeyPersons;

import org.springframework.stereotype.Component;

/**
 * Key persons (重点人员) by their contact plan: everyone whose next contact falls due by the
 * period's last day, overdue ones included, with that day as why.
 */
@Component
class KeyPersonCandidates implements VisitCandidates {

	private final CurrentKeyPersons keyPersons;

	private final PersonManagement people;

	KeyPersonCandidates(CurrentKeyPersons keyPersons, PersonManagement people) {
		this.keyPersons = keyPersons;
		this.people = people;
	}

	@Override
	public Set<VisitListRule> rules() {
		return Set.of(VisitListRule.KEY_PERSON);
	}

	@Override
	public List<Candidate> find(CurrentUser user, VisitListRule rule, LocalDate from, LocalDate to) {
		return this.keyPersons.all(user.community())
			.stream()
			.filter((keyPerson) -> !keyPerson.nextDue().isAfter(to))
			.map((keyPerson) -> {
				Person person = this.people.get(user, keyPerson.personId());
				return new Candidate(person, "KEY_PERSON", List.of(keyPerson.nextDue().toString()));
			})
			.filter((candidate) -> candidate.person().status() == PersonStatus.REGISTERED)
			.toList();
	}

}
