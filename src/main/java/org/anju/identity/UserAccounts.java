package org.anju.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.anju.shared.CommunityId;
import org.anju.shared.Phone;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts on PostgreSQL. Usernames are unique across the deployment through the
 * {@code account_directory} reference table, which also tells a login which community to
 * look in.
 */
@Repository
class UserAccounts {

	private static final String SELECT = """
			select u.community_id, u.id, u.username, u.password_hash, u.display_name, u.role, u.department_code,
			       u.person_id, u.must_change_password, u.enabled, u.locked_until, u.failed_logins, u.version,
			       coalesce(array(select g.grid_id from user_grid g
			                      where g.community_id = u.community_id and g.user_id = u.id order by g.grid_id),
			                '{}') as grid_ids
			from user_account u
			""";

	private final JdbcClient jdbc;

	UserAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredAccount> byUsername(String username) {
		return this.jdbc.sql(SELECT + """
				join account_directory d on d.community_id = u.community_id and d.user_id = u.id
				where d.username = :username
				""").param("username", username).query(UserAccounts::stored).optional();
	}

	Optional<StoredAccount> byId(CommunityId community, long id) {
		return this.jdbc.sql(SELECT + " where u.community_id = :c and u.id = :id")
			.param("c", community.value())
			.param("id", id)
			.query(UserAccounts::stored)
			.optional();
	}

	/**
	 * @return the account a live API token belongs to, in one query: every API call asks
	 */
	Optional<StoredAccount> byToken(CommunityId community, String tokenHash) {
		return this.jdbc.sql(SELECT + """
				join api_token t on t.community_id = u.community_id and t.user_id = u.id
				where t.community_id = :c and t.token_hash = :h and t.expires_at > now()
				""").param("c", community.value()).param("h", tokenHash).query(UserAccounts::stored).optional();
	}

	List<StoredAccount> all(CommunityId community) {
		return this.jdbc.sql(SELECT + " where u.community_id = :c order by u.role, u.username")
			.param("c", community.value())
			.query(UserAccounts::stored)
			.list();
	}

	List<Long> enabledIds(CommunityId community, Role role, @Nullable String departmentCode) {
		return this.jdbc.sql("""
				select id from user_account
				where community_id = :c and role = :role and enabled
				  and (cast(:department as text) is null or department_code = :department)
				order by id
				""")
			.param("c", community.value())
			.param("role", role.name())
			.param("department", departmentCode)
			.query(Long.class)
			.list();
	}

	List<Long> gridWorkerIds(CommunityId community, long gridId) {
		return this.jdbc.sql("""
				select a.id from user_account a
				join user_grid g on g.community_id = a.community_id and g.user_id = a.id
				where a.community_id = :c and g.grid_id = :grid and a.role = 'GRID_WORKER' and a.enabled
				order by a.id
				""").param("c", community.value()).param("grid", gridId).query(Long.class).list();
	}

	boolean residentAccountExists(CommunityId community, long personId) {
		return this.jdbc.sql(
				"select exists (select 1 from user_account where community_id = :c and person_id = :p and role = 'RESIDENT')")
			.param("c", community.value())
			.param("p", personId)
			.query(Boolean.class)
			.single();
	}

	boolean usernameTaken(String username) {
		return this.jdbc.sql("select exists (select 1 from account_directory where username = :u)")
			.param("u", username)
			.query(Boolean.class)
			.single();
	}

	long insert(CommunityId community, NewUser user, String passwordHash, boolean mustChangePassword) {
		long id = this.jdbc.sql("""
				insert into user_account (community_id, username, password_hash, display_name, role, department_code,
				                          person_id, must_change_password)
				values (:c, :username, :hash, :displayName, :role, :department, :person, :mustChange)
				returning id
				""")
			.param("c", community.value())
			.param("username", user.username())
			.param("hash", passwordHash)
			.param("displayName", user.displayName())
			.param("role", user.role().name())
			.param("department", user.departmentCode())
			.param("person", user.personId())
			.param("mustChange", mustChangePassword)
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into account_directory (username, community_id, user_id) values (:u, :c, :id)")
			.param("u", user.username())
			.param("c", community.value())
			.param("id", id)
			.update();
		replaceGrids(community, id, user.gridIds());
		return id;
	}

	int update(CommunityId community, long id, long expectedVersion, UserChange change) {
		int updated = this.jdbc.sql("""
				update user_account set display_name = :displayName, role = :role, department_code = :department,
				       person_id = :person, enabled = :enabled, version = version + 1, updated_at = now()
				where community_id = :c and id = :id and version = :version
				""")
			.param("displayName", change.displayName())
			.param("role", change.role().name())
			.param("department", change.departmentCode())
			.param("person", change.personId())
			.param("enabled", change.enabled())
			.param("c", community.value())
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (updated == 1) {
			replaceGrids(community, id, change.gridIds());
		}
		return updated;
	}

	void setPassword(CommunityId community, long id, String hash, boolean mustChange) {
		this.jdbc.sql("""
				update user_account set password_hash = :hash, must_change_password = :mustChange,
				       failed_logins = 0, locked_until = null, version = version + 1, updated_at = now()
				where community_id = :c and id = :id
				""")
			.param("hash", hash)
			.param("mustChange", mustChange)
			.param("c", community.value())
			.param("id", id)
			.update();
	}

	/**
	 * Counts a failed login and locks the account when the count reaches {@code limit}.
	 * @return the new lock's end, if this failure locked the account
	 */
	@Nullable Instant recordFailure(CommunityId community, long id, int limit, Instant lockUntil) {
		return this.jdbc.sql("""
				update user_account
				set failed_logins = case when failed_logins + 1 >= :limit then 0 else failed_logins + 1 end,
				    locked_until = case when failed_logins + 1 >= :limit then :lockUntil else locked_until end
				where community_id = :c and id = :id
				returning case when locked_until = :lockUntil then locked_until end
				""")
			.param("limit", limit)
			.param("lockUntil", Timestamp.from(lockUntil))
			.param("c", community.value())
			.param("id", id)
			.query((rs, n) -> {
				Timestamp until = rs.getTimestamp(1);
				return (until != null) ? until.toInstant() : null;
			})
			.optional()
			.orElse(null);
	}

	void recordSuccess(CommunityId community, long id) {
		this.jdbc
			.sql("update user_account set failed_logins = 0, locked_until = null where community_id = :c and id = :id")
			.param("c", community.value())
			.param("id", id)
			.update();
	}

	void repointPerson(CommunityId community, long from, long to) {
		this.jdbc.sql("update user_account set person_id = :to where community_id = :c and person_id = :from")
			.param("c", community.value())
			.param("from", from)
			.param("to", to)
			.update();
	}

	private void replaceGrids(CommunityId community, long id, Set<Long> gridIds) {
		this.jdbc.sql("delete from user_grid where community_id = :c and user_id = :id")
			.param("c", community.value())
			.param("id", id)
			.update();
		for (Long grid : gridIds) {
			this.jdbc.sql("insert into user_grid (community_id, user_id, grid_id) values (:c, :id, :grid)")
				.param("c", community.value())
				.param("id", id)
				.param("grid", grid)
				.update();
		}
	}

	private static StoredAccount stored(ResultSet rs, int row) throws SQLException {
		Array grids = rs.getArray("grid_ids");
		Set<Long> gridIds = Arrays.stream((Long[]) grids.getArray()).collect(Collectors.toSet());
		long person = rs.getLong("person_id");
		Long personId = rs.wasNull() ? null : person;
		Timestamp locked = rs.getTimestamp("locked_until");
		String username = rs.getString("username");
		Role role = Role.valueOf(rs.getString("role"));
		UserAccount account = new UserAccount(rs.getLong("id"),
				(role == Role.RESIDENT) ? Phone.mask(username) : username, rs.getString("display_name"), role, gridIds,
				rs.getString("department_code"), personId, rs.getBoolean("must_change_password"),
				rs.getBoolean("enabled"), (locked != null) ? locked.toInstant() : null, rs.getLong("version"));
		return new StoredAccount(new CommunityId(rs.getLong("community_id")), account, username,
				rs.getString("password_hash"));
	}

	/**
	 * An account with what only this module sees: its community, its username unmasked
	 * and its password hash.
	 */
	record StoredAccount(CommunityId community, UserAccount account, String username, String passwordHash) {

		CurrentUser asCurrentUser() {
			return new CurrentUser(this.community.value(), this.account.id(), this.username, this.account.displayName(),
					this.account.role(), this.account.gridIds(), this.account.departmentCode(), this.account.personId(),
					this.account.mustChangePassword());
		}

	}

}
