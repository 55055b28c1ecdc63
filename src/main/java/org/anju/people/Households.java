package org.anju.people;

import java.util.List;
import java.util.Map;

import org.anju.identity.OutOfReach;
import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Households: who lives together in a room, and who heads them. Members must live in the
 * household's room; moving to another room leaves the household.
 */
@Service
@Transactional
public class Households {

	private final JdbcClient jdbc;

	private final PersonManagement people;

	private final AuditTrail audit;

	private final OutOfReach reach;

	Households(JdbcClient jdbc, PersonManagement people, AuditTrail audit, OutOfReach reach) {
		this.reach = reach;
		this.jdbc = jdbc;
		this.people = people;
		this.audit = audit;
	}

	/**
	 * Founds a household in the head's room.
	 * @throws Refused when the head has no room or already belongs to a household
	 */
	public Household found(CurrentUser user, long headPersonId) {
		requireWrite(user);
		Person head = this.people.get(user, headPersonId);
		if (head.roomId() == null) {
			throw new Refused("household.head.noRoom", head.name());
		}
		if (head.householdId() != null) {
			throw new Refused("household.member.already", head.name());
		}
		long id = this.jdbc.sql("""
				insert into household (community_id, room_id, head_person_id) values (:c, :room, :head) returning id
				""")
			.param("c", user.communityId())
			.param("room", head.roomId())
			.param("head", headPersonId)
			.query(Long.class)
			.single();
		setMembership(user, headPersonId, id, "HEAD");
		this.audit.record(user.community(), "HOUSEHOLD_FOUNDED", "HOUSEHOLD", id, Map.of("headPersonId", headPersonId));
		return get(user, id);
	}

	/**
	 * Adds a person who lives in the household's room, with their relation to the head.
	 */
	public Household join(CurrentUser user, long householdId, long personId, @Nullable String relation) {
		requireWrite(user);
		Household household = get(user, householdId);
		Person person = this.people.get(user, personId);
		if (relation == null || !PersonManagement.RELATIONS.contains(relation) || "HEAD".equals(relation)) {
			throw new InvalidInput("relation", "person.relation.unknown", String.valueOf(relation));
		}
		if (person.roomId() == null || person.roomId() != household.roomId()) {
			throw new Refused("household.member.otherRoom", person.name());
		}
		if (person.householdId() != null) {
			throw new Refused("household.member.already", person.name());
		}
		setMembership(user, personId, householdId, relation);
		this.audit.record(user.community(), "HOUSEHOLD_JOINED", "HOUSEHOLD", householdId,
				Map.of("personId", personId, "relation", relation));
		return get(user, householdId);
	}

	/**
	 * Takes a member out of the household. The head leaves last.
	 */
	public Household leave(CurrentUser user, long householdId, long personId) {
		requireWrite(user);
		Household household = get(user, householdId);
		if (household.members().stream().noneMatch((member) -> member.personId() == personId)) {
			throw new NotFound("member", personId);
		}
		if (household.headPersonId() != null && household.headPersonId() == personId
				&& household.members().size() > 1) {
			throw new Refused("household.head.leavesLast");
		}
		setMembership(user, personId, null, null);
		if (household.headPersonId() != null && household.headPersonId() == personId) {
			this.jdbc.sql(
					"update household set head_person_id = null, version = version + 1 where community_id = :c and id = :id")
				.param("c", user.communityId())
				.param("id", householdId)
				.update();
		}
		this.audit.record(user.community(), "HOUSEHOLD_LEFT", "HOUSEHOLD", householdId, Map.of("personId", personId));
		return get(user, householdId);
	}

	/**
	 * @throws NotFound when there is no such household, or its room is outside the
	 * caller's grids
	 */
	@Transactional(readOnly = true)
	public Household get(CurrentUser user, long id) {
		record Row(long roomId, @Nullable Long head, long version, @Nullable Long gridId, @Nullable String address) {
		}
		Row row = this.jdbc
			.sql("""
					select h.room_id, h.head_person_id, h.version, p.grid_id,
					       (select min(m.address) from person m where m.community_id = h.community_id and m.room_id = h.room_id) as address
					from household h join place p on p.community_id = h.community_id and p.id = h.room_id
					where h.community_id = :c and h.id = :id
					""")
			.param("c", user.communityId())
			.param("id", id)
			.query((rs, n) -> {
				long head = rs.getLong("head_person_id");
				Long headId = rs.wasNull() ? null : head;
				return new Row(rs.getLong("room_id"), headId, rs.getLong("version"),
						StoredPerson.nullableLong(rs, "grid_id"), rs.getString("address"));
			})
			.optional()
			.orElseThrow(() -> new NotFound("household", id));
		this.reach.require(user, user.scope().covers(row.gridId()), "HOUSEHOLD", "household", id);
		List<Household.Member> members = this.jdbc.sql("""
				select id, name, household_relation from person where community_id = :c and household_id = :id
				order by household_relation = 'HEAD' desc, birth_date
				""")
			.param("c", user.communityId())
			.param("id", id)
			.query((rs, n) -> new Household.Member(rs.getLong("id"), rs.getString("name"),
					rs.getString("household_relation")))
			.list();
		return new Household(id, row.roomId(), row.address(), row.head(), members, row.version());
	}

	private void setMembership(CurrentUser user, long personId, @Nullable Long householdId, @Nullable String relation) {
		this.jdbc.sql("""
				update person set household_id = :household, household_relation = :relation, version = version + 1,
				       updated_at = now()
				where community_id = :c and id = :id
				""")
			.param("household", householdId)
			.param("relation", relation)
			.param("c", user.communityId())
			.param("id", personId)
			.update();
	}

	private static void requireWrite(CurrentUser user) {
		if (!user.may(Permission.PEOPLE_WRITE)) {
			throw new AccessDeniedException("needs PEOPLE_WRITE");
		}
	}

}
