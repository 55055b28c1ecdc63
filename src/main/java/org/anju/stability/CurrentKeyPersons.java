package org.anju.stability;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current key persons across a whole community, for work that answers to no caller,
 * such as the responsibility matrix's coverage check. Callers that act for a person use
 * {@link KeyPersons}, which applies their scope.
 */
@Service
@Transactional(readOnly = true)
public class CurrentKeyPersons {

	private static final String SELECT = """
			select k.id, k.person_id, p.name as person_name, p.grid_id, k.responsible_user_id, k.next_due
			from key_person k join person p on p.community_id = k.community_id and p.id = k.person_id
			where k.community_id = :c and k.ended_at is null
			""";

	private final JdbcClient jdbc;

	CurrentKeyPersons(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return every current key person of the community by id, never {@literal null}
	 */
	public List<CurrentKeyPerson> all(CommunityId community) {
		return this.jdbc.sql(SELECT + " order by k.id")
			.param("c", community.value())
			.query(CurrentKeyPerson.class)
			.list();
	}

	/**
	 * @return the key person, if they still are one
	 */
	public Optional<CurrentKeyPerson> find(CommunityId community, long id) {
		return this.jdbc.sql(SELECT + " and k.id = :id")
			.param("c", community.value())
			.param("id", id)
			.query(CurrentKeyPerson.class)
			.optional();
	}

	/**
	 * A current key person: who, where they live, which staff member answers for them,
	 * and when their contact plan wants them seen next.
	 */
	public record CurrentKeyPerson(long id, long personId, String personName, @Nullable Long gridId,
			long responsibleUserId, LocalDate nextDue) {
	}

}
