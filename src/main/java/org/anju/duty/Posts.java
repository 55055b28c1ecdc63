package org.anju.duty;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts of the units and who holds them. Taking a post ends the previous holder's time in
 * it; the history stays. Every change writes its audit row in the same transaction.
 */
@Service
@Transactional
class Posts {

	static final int MAX_DUTIES = 2000;

	private static final String COLUMNS = """
			p.id, p.unit_id, coalesce(u.name_zh, pl.name, '') as unit_name, p.name, p.business_duties,
			p.stability_duties, p.holder_id, a.display_name as holder_name, p.version
			""";

	private static final String FROM = """
			 from duty_post p
			left join duty_unit u on u.community_id = p.community_id and u.id = p.unit_id
			left join place pl on pl.community_id = p.community_id and pl.id = p.unit_id
			left join user_account a on a.community_id = p.community_id and a.id = p.holder_id
			""";

	private final JdbcClient jdbc;

	private final Units units;

	private final UserManagement users;

	private final AuditTrail audit;

	private final DutyChanges changes;

	private final Clock clock;

	Posts(JdbcClient jdbc, Units units, UserManagement users, AuditTrail audit, DutyChanges changes, Clock clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.users = users;
		this.audit = audit;
		this.changes = changes;
		this.clock = clock;
	}

	/**
	 * @param unitId only the posts of this unit, or of every unit
	 */
	@Transactional(readOnly = true)
	List<Post> list(CommunityId community, @Nullable Long unitId) {
		return this.jdbc.sql("select " + COLUMNS + FROM + """
				where p.community_id = :c and (cast(:unit as bigint) is null or p.unit_id = :unit)
				order by p.unit_id, p.name, p.id
				""").param("c", community.value()).param("unit", unitId).query(Posts::post).list();
	}

	/**
	 * @return the posts the account holds, for its home page
	 */
	@Transactional(readOnly = true)
	List<Post> heldBy(CommunityId community, long userId) {
		return this.jdbc
			.sql("select " + COLUMNS + FROM + " where p.community_id = :c and p.holder_id = :user order by p.id")
			.param("c", community.value())
			.param("user", userId)
			.query(Posts::post)
			.list();
	}

	/**
	 * @return the post without its history, if there is one of that id
	 */
	@Transactional(readOnly = true)
	Optional<Post> find(CommunityId community, long id) {
		return this.jdbc.sql("select " + COLUMNS + FROM + " where p.community_id = :c and p.id = :id")
			.param("c", community.value())
			.param("id", id)
			.query(Posts::post)
			.optional();
	}

	@Transactional(readOnly = true)
	Post get(CommunityId community, long id) {
		Post post = find(community, id).orElseThrow(() -> new NotFound("post", id));
		List<Post.Holding> history = this.jdbc.sql("""
				select h.user_id, a.display_name, h.started_at, h.ended_at, h.end_reason
				from duty_post_holding h
				join user_account a on a.community_id = h.community_id and a.id = h.user_id
				where h.community_id = :c and h.post_id = :id
				order by h.started_at desc, h.id desc
				""").param("c", community.value()).param("id", id).query((rs, n) -> {
			Timestamp ended = rs.getTimestamp("ended_at");
			return new Post.Holding(rs.getLong("user_id"), rs.getString("display_name"),
					rs.getTimestamp("started_at").toInstant(), (ended != null) ? ended.toInstant() : null,
					rs.getString("end_reason"));
		}).list();
		return new Post(post.id(), post.unitId(), post.unitName(), post.name(), post.businessDuties(),
				post.stabilityDuties(), post.holderId(), post.holderName(), post.version(), history);
	}

	/**
	 * @throws InvalidInput naming every field that breaks a rule
	 * @throws Refused when the unit has a post of that name already
	 */
	Post create(CurrentUser user, PostForm form) {
		Units.requireManage(user);
		PostForm clean = validate(user.community(), form, true);
		long id;
		try {
			id = this.jdbc.sql("""
					insert into duty_post (community_id, unit_id, name, business_duties, stability_duties)
					values (:c, :unit, :name, :business, :stability) returning id
					""")
				.param("c", user.communityId())
				.param("unit", clean.unitId())
				.param("name", clean.name())
				.param("business", clean.businessDuties())
				.param("stability", clean.stabilityDuties())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new Refused("duty.post.name.taken", String.valueOf(clean.name()));
		}
		this.audit.record(user.community(), "POST_CREATED", "POST", id, describe(clean));
		this.changes.record(user.community());
		return get(user.community(), id);
	}

	/**
	 * Renames the post and rewrites its duties; its unit stays.
	 * @throws StaleVersion when someone changed the post since {@code expectedVersion}
	 */
	Post update(CurrentUser user, long id, long expectedVersion, PostForm form) {
		Units.requireManage(user);
		Post before = get(user.community(), id);
		PostForm clean = validate(user.community(), form, false);
		int updated;
		try {
			updated = this.jdbc.sql("""
					update duty_post set name = :name, business_duties = :business, stability_duties = :stability,
					       version = version + 1
					where community_id = :c and id = :id and version = :version
					""")
				.param("name", clean.name())
				.param("business", clean.businessDuties())
				.param("stability", clean.stabilityDuties())
				.param("c", user.communityId())
				.param("id", id)
				.param("version", expectedVersion)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new Refused("duty.post.name.taken", String.valueOf(clean.name()));
		}
		if (updated == 0) {
			throw new StaleVersion(before.version());
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("before", describe(
				new PostForm(before.unitId(), before.name(), before.businessDuties(), before.stabilityDuties())));
		detail.put("after", describe(clean));
		this.audit.record(user.community(), "POST_UPDATED", "POST", id, detail);
		return get(user.community(), id);
	}

	/**
	 * Deletes the post with its history.
	 */
	void delete(CurrentUser user, long id, long expectedVersion) {
		Units.requireManage(user);
		Post post = get(user.community(), id);
		if (post.version() != expectedVersion) {
			throw new StaleVersion(post.version());
		}
		this.jdbc.sql("delete from duty_post where community_id = :c and id = :id")
			.param("c", user.communityId())
			.param("id", id)
			.update();
		this.audit.record(user.community(), "POST_DELETED", "POST", id,
				Map.of("name", post.name(), "unitId", post.unitId()));
		this.changes.record(user.community());
	}

	/**
	 * Gives the post to an enabled staff account, or with {@code null} leaves it empty.
	 * The previous holder's time in the post ends.
	 * @throws InvalidInput for an unknown, disabled or resident account
	 */
	Post assignHolder(CurrentUser user, long id, long expectedVersion, @Nullable Long holderId) {
		Units.requireManage(user);
		Post before = get(user.community(), id);
		if (holderId != null) {
			staffAccount(this.users, user.community(), holderId, "userId");
		}
		int updated = this.jdbc.sql("""
				update duty_post set holder_id = :holder, version = version + 1
				where community_id = :c and id = :id and version = :version
				""")
			.param("holder", holderId)
			.param("c", user.communityId())
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new StaleVersion(before.version());
		}
		if (before.holderId() == null || !before.holderId().equals(holderId)) {
			endHolding(user.community(), id, (holderId != null) ? "REPLACED" : "VACATED");
			if (holderId != null) {
				this.jdbc.sql("""
						insert into duty_post_holding (community_id, post_id, user_id, started_at)
						values (:c, :post, :user, :at)
						""")
					.param("c", user.communityId())
					.param("post", id)
					.param("user", holderId)
					.param("at", Timestamp.from(this.clock.instant()))
					.update();
			}
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("before", before.holderId());
		detail.put("after", holderId);
		this.audit.record(user.community(), "POST_HOLDER_ASSIGNED", "POST", id, detail);
		this.changes.record(user.community());
		return get(user.community(), id);
	}

	/**
	 * Empties every post whose holder's account was disabled, ending their time in it.
	 * Part of the coverage check's transaction.
	 * @return how many posts were emptied
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	int vacateDisabled(CommunityId community) {
		List<Long> vacated = this.jdbc.sql("""
				update duty_post p set holder_id = null, version = p.version + 1
				from user_account a
				where p.community_id = :c and a.community_id = p.community_id and a.id = p.holder_id and not a.enabled
				returning p.id
				""").param("c", community.value()).query(Long.class).list();
		for (Long id : vacated) {
			endHolding(community, id, "HOLDER_DISABLED");
			this.audit.record(community, "POST_VACATED", "POST", id, Map.of("reason", "HOLDER_DISABLED"));
		}
		return vacated.size();
	}

	private void endHolding(CommunityId community, long postId, String reason) {
		this.jdbc.sql("""
				update duty_post_holding set ended_at = :at, end_reason = :reason
				where community_id = :c and post_id = :post and ended_at is null
				""")
			.param("at", Timestamp.from(this.clock.instant()))
			.param("reason", reason)
			.param("c", community.value())
			.param("post", postId)
			.update();
	}

	/**
	 * @throws InvalidInput unless the account is an enabled staff account of the
	 * community
	 */
	static UserAccount staffAccount(UserManagement users, CommunityId community, long userId, String field) {
		UserAccount account;
		try {
			account = users.get(community, userId);
		}
		catch (NotFound ex) {
			throw new InvalidInput(field, "duty.user.unknown", userId);
		}
		if (account.role() == Role.RESIDENT) {
			throw new InvalidInput(field, "duty.user.resident", userId);
		}
		if (!account.enabled()) {
			throw new InvalidInput(field, "duty.user.disabled", account.displayName());
		}
		return account;
	}

	private PostForm validate(CommunityId community, PostForm form, boolean creating) {
		List<Violation> problems = new ArrayList<>();
		if (creating) {
			if (form.unitId() == null) {
				problems.add(new Violation("unitId", "field.required"));
			}
			else if (this.units.find(community, form.unitId()).isEmpty()) {
				problems.add(new Violation("unitId", "duty.unit.unknown", form.unitId()));
			}
		}
		String name = (form.name() == null) ? "" : form.name().strip().replaceAll("\\s+", " ");
		if (name.isEmpty() || name.length() > 100) {
			problems.add(new Violation("name", "duty.name.length", 100));
		}
		String business = (form.businessDuties() == null) ? "" : form.businessDuties().strip();
		String stability = (form.stabilityDuties() == null) ? "" : form.stabilityDuties().strip();
		if (business.length() > MAX_DUTIES) {
			problems.add(new Violation("businessDuties", "duty.duties.length", MAX_DUTIES));
		}
		if (stability.isEmpty()) {
			// a post without stability duties is what 一岗双责 exists to prevent
			problems.add(new Violation("stabilityDuties", "duty.duties.stabilityRequired"));
		}
		else if (stability.length() > MAX_DUTIES) {
			problems.add(new Violation("stabilityDuties", "duty.duties.length", MAX_DUTIES));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new PostForm(form.unitId(), name, business, stability);
	}

	private static Map<String, Object> describe(PostForm form) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("unitId", form.unitId());
		detail.put("name", form.name());
		detail.put("businessDuties", form.businessDuties());
		detail.put("stabilityDuties", form.stabilityDuties());
		return detail;
	}

	private static Post post(ResultSet rs, int row) throws SQLException {
		long holder = rs.getLong("holder_id");
		boolean noHolder = rs.wasNull();
		return new Post(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"), rs.getString("name"),
				rs.getString("business_duties"), rs.getString("stability_duties"), noHolder ? null : holder,
				rs.getString("holder_name"), rs.getLong("version"), List.of());
	}

	/**
	 * What a post is made of, as typed: every field may be missing or bad.
	 */
	record PostForm(@Nullable Long unitId, @Nullable String name, @Nullable String businessDuties,
			@Nullable String stabilityDuties) {
	}

}
