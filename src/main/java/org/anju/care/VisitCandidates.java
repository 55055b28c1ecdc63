package org.anju.care;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.anju.identity.CurrentUser;
import org.anju.people.Person;

/**
 * Finds the people a rule puts on a visit list for a period, each with why. One bean
 * answers for one or more rules; a new rule is a new bean.
 */
interface VisitCandidates {

	/**
	 * @return the rules this bean answers for
	 */
	Set<VisitListRule> rules();

	/**
	 * @return the registered people the rule names for the period, each once
	 */
	List<Candidate> find(CurrentUser user, VisitListRule rule, LocalDate from, LocalDate to);

	/**
	 * A person on a list, and why: a message code under {@code care.visit.why.} and its
	 * arguments.
	 */
	record Candidate(Person person, String whyCode, List<String> whyArgs) {
	}

}
