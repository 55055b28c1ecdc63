package org.anju.stability;

import java.util.List;
import java.util.Optional;

import org.anju.shared.CommunityId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conflict cases still open (registered or being resolved) across a whole community,
 * for work that answers to no caller, such as the responsibility matrix's coverage check.
 * Callers that act for a person use {@link ConflictManagement}, which applies their
 * scope.
 */
@Service
@Transactional(readOnly = true)
public class OpenConflicts {

	private final JdbcClient jdbc;

	OpenConflicts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return every open case of the community by id, never {@literal null}
	 */
	public List<OpenConflict> all(CommunityId community) {
		return this.jdbc.sql("""
				select id, title, grid_id, owner_leader_id from conflict_case
				where community_id = :c and state in ('REGISTERED', 'RESOLVING')
				order by id
				""").param("c", community.value()).query(OpenConflict.class).list();
	}

	/**
	 * @return the case, if it is open
	 */
	public Optional<OpenConflict> find(CommunityId community, long id) {
		return this.jdbc.sql("""
				select id, title, grid_id, owner_leader_id from conflict_case
				where community_id = :c and id = :id and state in ('REGISTERED', 'RESOLVING')
				""").param("c", community.value()).param("id", id).query(OpenConflict.class).optional();
	}

	/**
	 * An open case: what it is called, where it lies and which leader owns it (包案).
	 */
	public record OpenConflict(long id, String title, long gridId, long ownerLeaderId) {
	}

}
