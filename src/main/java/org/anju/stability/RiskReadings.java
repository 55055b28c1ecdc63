package org.anju.stability;

import java.math.BigDecimal;
import java.util.List;

import org.anju.identity.CurrentUser;
import org.anju.identity.OutOfReach;
import org.anju.people.InterestGroups;
import org.anju.people.PersonManagement;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.shared.NotFound;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads one subject's risk within the caller's reach: a grid worker reaches the people
 * and the grids of their own grids, and nothing above a grid; everything else answers as
 * if it did not exist.
 */
@Service
@Transactional
class RiskReadings {

	private final RiskScores scores;

	private final RiskModels models;

	private final PersonManagement people;

	private final PlaceManagement places;

	private final InterestGroups groups;

	private final OutOfReach reach;

	RiskReadings(RiskScores scores, RiskModels models, PersonManagement people, PlaceManagement places,
			InterestGroups groups, OutOfReach reach) {
		this.scores = scores;
		this.models = models;
		this.people = people;
		this.places = places;
		this.groups = groups;
		this.reach = reach;
	}

	/**
	 * @throws NotFound for a subject that does not exist or lies outside the caller's
	 * reach
	 */
	RiskView risk(CurrentUser user, String subjectType, String id) {
		ConflictManagement.requireRead(user);
		RiskSubject.Type type = RiskSubject.Type.parse(subjectType);
		RiskSubject subject = new RiskSubject(type, exists(user, type, id.strip()));
		return this.scores.find(user.community(), subject)
			.map((score) -> new RiskView(type.name(), subject.apiId(), score.score(), score.level(),
					score.contributions(), score.modelVersion(), score.computedAt()))
			.orElseGet(() -> new RiskView(type.name(), subject.apiId(), BigDecimal.ZERO.setScale(2), null, List.of(),
					this.models.current(user.community()).version(), null));
	}

	/**
	 * @return the subject's id as stored
	 */
	private String exists(CurrentUser user, RiskSubject.Type type, String id) {
		if (type == RiskSubject.Type.GROUP) {
			boolean known = this.groups.byCode(user.community()).containsKey(id);
			if (!known) {
				throw new NotFound("group", id);
			}
			this.reach.require(user, user.scope().wholeCommunity(), "INTEREST_GROUP", "group", 0);
			return id;
		}
		long number;
		try {
			number = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new NotFound(type.name().toLowerCase(), id);
		}
		switch (type) {
			case PERSON -> this.people.get(user, number);
			case GRID, AREA -> {
				Place place = this.places.get(user, number);
				PlaceKind wanted = (type == RiskSubject.Type.GRID) ? PlaceKind.GRID : PlaceKind.AREA;
				if (place.kind() != wanted) {
					throw new NotFound(type.name().toLowerCase(), number);
				}
				this.reach.require(user, type == RiskSubject.Type.GRID || user.scope().wholeCommunity(), "PLACE",
						"place", number);
			}
			default -> {
				if (number != user.communityId()) {
					throw new NotFound("community", number);
				}
				this.reach.require(user, user.scope().wholeCommunity(), "COMMUNITY", "community", number);
			}
		}
		return Long.toString(number);
	}

}
