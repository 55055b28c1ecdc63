package org.anju.care;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anju.identity.CurrentUser;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.people.PersonStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rules that follow a special list: illness and hospital stays (the illness list),
 * living alone (the living-alone and empty-nest lists) and hardship (the hardship list).
 * A person is on the visit list when their flag was open on the period's last day.
 */
@Component
class SpecialListCandidates implements VisitCandidates {

	private static final Map<VisitListRule, Set<SpecialList>> LISTS = Map.of(VisitListRule.ILLNESS,
			Set.of(SpecialList.ILLNESS), VisitListRule.LIVING_ALONE,
			Set.of(SpecialList.LIVING_ALONE, SpecialList.EMPTY_NEST), VisitListRule.HARDSHIP,
			Set.of(SpecialList.HARDSHIP));

	private final JdbcClient jdbc;

	private final PersonManagement people;

	SpecialListCandidates(JdbcClient jdbc, PersonManagement people) {
		this.jdbc = jdbc;
		this.people = people;
	}

	@Override
	public Set<VisitListRule> rules() {
		return LISTS.keySet();
	}

	@Override
	public List<Candidate> find(CurrentUser user, VisitListRule rule, LocalDate from, LocalDate to) {
		return onLists(user, LISTS.get(rule), to);
	}

	/**
	 * @return the registered people whose flag on one of the lists was open on the day,
	 * each once, with the first such list as why
	 */
	List<Candidate> onLists(CurrentUser user, Set<SpecialList> lists, LocalDate on) {
		record Flagged(long personId, String flag) {
		}
		List<Flagged> flagged = this.jdbc.sql("""
				select distinct on (person_id) person_id, flag from special_flag
				where community_id = :c and flag = any(:flags) and since <= :on and (ended_on is null or ended_on > :on)
				order by person_id, flag
				""")
			.param("c", user.communityId())
			.param("flags", lists.stream().map(Enum::name).toArray(String[]::new))
			.param("on", on)
			.query(Flagged.class)
			.list();
		List<Candidate> found = new ArrayList<>();
		for (Flagged flag : flagged) {
			Person person = this.people.get(user, flag.personId());
			if (person.status() == PersonStatus.REGISTERED) {
				found.add(new Candidate(person, flag.flag(), List.of()));
			}
		}
		return found;
	}

}
