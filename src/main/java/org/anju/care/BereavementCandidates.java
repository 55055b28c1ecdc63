package org.anju.care;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anju.identity.CurrentUser;
import org.anju.people.Household;
import org.anju.people.Households;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.people.PersonStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Bereavement (丧亲): the registered members of the household of everyone whose death,
 * registered in care, fell within the period.
 */
@Component
class BereavementCandidates implements VisitCandidates {

	private final JdbcClient jdbc;

	private final PersonManagement people;

	private final Households households;

	BereavementCandidates(JdbcClient jdbc, PersonManagement people, Households households) {
		this.jdbc = jdbc;
		this.people = people;
		this.households = households;
	}

	@Override
	public Set<VisitListRule> rules() {
		return Set.of(VisitListRule.BEREAVEMENT);
	}

	@Override
	public List<Candidate> find(CurrentUser user, VisitListRule rule, LocalDate from, LocalDate to) {
		record Died(long personId, String personName, LocalDate diedOn) {
		}
		List<Died> deaths = this.jdbc.sql("""
				select person_id, person_name, died_on from death_registration
				where community_id = :c and died_on between :from and :to order by died_on, id
				""").param("c", user.communityId()).param("from", from).param("to", to).query(Died.class).list();
		Map<Long, Candidate> found = new LinkedHashMap<>();
		for (Died died : deaths) {
			Long household = this.people.get(user, died.personId()).householdId();
			if (household == null) {
				continue;
			}
			for (Household.Member member : this.households.get(user, household).members()) {
				if (member.personId() == died.personId()) {
					continue;
				}
				Person survivor = this.people.get(user, member.personId());
				if (survivor.status() == PersonStatus.REGISTERED) {
					found.putIfAbsent(survivor.id(), new Candidate(survivor, "BEREAVEMENT",
							List.of(died.personName(), died.diedOn().toString())));
				}
			}
		}
		return new ArrayList<>(found.values());
	}

}
