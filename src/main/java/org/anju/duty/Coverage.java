package org.anju.duty;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coverage check (横向到边,纵向到底): every cell of the matrix without an enabled person,
 * every cell naming a disabled account, every post left empty, and every item of another
 * module's {@link CoverageSource} that reaches nobody (a plan role whose person left) is
 * a gap. A check stores the gaps it finds, marks those it no longer finds resolved, and
 * publishes {@link CoverageGapOpened} once for each new one. Checks of one community take
 * turns, so that two never store the same gap twice.
 */
@Service
@Transactional
class Coverage {

	static final String POST_LEVEL = "HOLDER";

	private final JdbcClient jdbc;

	private final Responsibilities responsibilities;

	private final Posts posts;

	private final Units units;

	private final ApplicationEventPublisher events;

	private final List<CoverageSource> sources;

	private final Clock clock;

	Coverage(JdbcClient jdbc, Responsibilities responsibilities, Posts posts, Units units,
			ApplicationEventPublisher events, List<CoverageSource> sources, Clock clock) {
		this.jdbc = jdbc;
		this.sources = sources;
		this.responsibilities = responsibilities;
		this.posts = posts;
		this.units = units;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Runs the check for one community and stores what it found.
	 * @return the figures and the open gaps
	 */
	CoverageReport check(CommunityId community) {
		takeTurn(community);
		// a community created after the migration gets its units and levels here
		this.jdbc.sql("select duty_seed(:c)").param("c", community.value()).query((rs) -> {
		});
		long changes = this.jdbc.sql("select changes from duty_coverage where community_id = :c")
			.param("c", community.value())
			.query(Long.class)
			.single();
		this.posts.vacateDisabled(community);
		Map<GapKey, Found> found = new LinkedHashMap<>();
		List<MatrixRow> rows = this.responsibilities.rows(community, null);
		for (MatrixRow row : rows) {
			if (row.gap() != null) {
				found.put(new GapKey(row.subjectType(), row.subjectKey(), row.level(), row.gap()),
						new Found(row.subjectName(), row.gridId()));
			}
		}
		List<Post> allPosts = this.posts.list(community, null);
		for (Post post : allPosts) {
			if (post.holderId() == null) {
				Long grid = this.units.find(community, post.unitId())
					.filter((unit) -> unit.kind() == UnitKind.GRID)
					.map(Unit::id)
					.orElse(null);
				found.put(new GapKey("POST", Long.toString(post.id()), POST_LEVEL, "POST_EMPTY"),
						new Found(post.unitName() + " " + post.name(), grid));
			}
		}
		int others = 0;
		for (CoverageSource source : this.sources) {
			for (CoverageSource.Item item : source.items(community)) {
				others++;
				if (item.reason() != null) {
					found.put(new GapKey(item.subjectType(), item.subjectKey(), item.level(), item.reason()),
							new Found(item.subjectName(), item.gridId()));
				}
			}
		}
		Instant now = this.clock.instant();
		Map<GapKey, Long> open = openGaps(community);
		for (Map.Entry<GapKey, Found> gap : found.entrySet()) {
			if (!open.containsKey(gap.getKey())) {
				GapKey key = gap.getKey();
				long id = this.jdbc.sql("""
						insert into duty_gap (community_id, subject_type, subject_key, subject_name, level_code, reason,
						                      grid_id, opened_at)
						values (:c, :type, :key, :name, :level, :reason, :grid, :at) returning id
						""")
					.param("c", community.value())
					.param("type", key.type())
					.param("key", key.key())
					.param("name", gap.getValue().name())
					.param("level", key.level())
					.param("reason", key.reason())
					.param("grid", gap.getValue().gridId())
					.param("at", Timestamp.from(now))
					.query(Long.class)
					.single();
				this.events.publishEvent(new CoverageGapOpened(community, id, key.type(), key.key(),
						gap.getValue().name(), key.level(), key.reason(), gap.getValue().gridId()));
			}
		}
		Long[] closed = open.entrySet()
			.stream()
			.filter((entry) -> !found.containsKey(entry.getKey()))
			.map(Map.Entry::getValue)
			.toArray(Long[]::new);
		if (closed.length > 0) {
			this.jdbc.sql("update duty_gap set resolved_at = :at where community_id = :c and id = any(:ids)")
				.param("at", Timestamp.from(now))
				.param("c", community.value())
				.param("ids", closed)
				.update();
		}
		int required = rows.size() + allPosts.size() + others;
		int covered = required - found.size();
		this.jdbc.sql("""
				update duty_coverage set required = :required, covered = :covered, computed_at = :at,
				       checked_changes = :changes
				where community_id = :c
				""")
			.param("changes", changes)
			.param("required", required)
			.param("covered", covered)
			.param("at", Timestamp.from(now))
			.param("c", community.value())
			.update();
		return stored(community, null);
	}

	/**
	 * Runs the check unless one ran since the last change to units, posts or the matrix,
	 * so that a burst of changes is checked once.
	 */
	void checkIfChanged(CommunityId community) {
		takeTurn(community);
		Boolean current = this.jdbc.sql("select checked_changes >= changes from duty_coverage where community_id = :c")
			.param("c", community.value())
			.query(Boolean.class)
			.optional()
			.orElse(false);
		if (!current) {
			check(community);
		}
	}

	/**
	 * Waits for the community's running check to end. The turn is an advisory lock, not
	 * the coverage row's lock: a change of duty counts itself on that row, and must not
	 * wait for a check that can take seconds over a large community. A change counted
	 * after this check read the count is checked again next time, as its count is then
	 * ahead. Whoever takes the turn takes it before any lock on the coverage row, so that
	 * no two wait for each other.
	 */
	void takeTurn(CommunityId community) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended('duty-coverage:' || :c, 0))")
			.param("c", community.value())
			.query((rs) -> {
			});
	}

	/**
	 * The last check's figures and the gaps the caller may see: a grid worker sees those
	 * of their grids only.
	 */
	@Transactional(readOnly = true)
	CoverageReport report(CurrentUser user) {
		if (!user.may(Permission.DUTY_READ)) {
			throw new AccessDeniedException("needs DUTY_READ");
		}
		return stored(user.community(), user.scope().wholeCommunity() ? null : user.scope().gridIds());
	}

	CoverageReport stored(CommunityId community, @Nullable Set<Long> grids) {
		Figures figures = this.jdbc
			.sql("select required, covered, computed_at from duty_coverage where community_id = :c")
			.param("c", community.value())
			.query((rs, n) -> {
				Timestamp at = rs.getTimestamp("computed_at");
				return new Figures(rs.getInt("required"), rs.getInt("covered"), (at != null) ? at.toInstant() : null);
			})
			.optional()
			.orElse(new Figures(0, 0, null));
		List<CoverageReport.Gap> gaps = new ArrayList<>();
		this.jdbc.sql("""
				select id, subject_type, subject_key, subject_name, level_code, reason, grid_id, opened_at
				from duty_gap where community_id = :c and resolved_at is null
				  and (cast(:grids as bigint[]) is null or grid_id = any(:grids))
				order by subject_type, subject_name, level_code, id
				""")
			.param("c", community.value())
			.param("grids", (grids != null) ? grids.toArray(Long[]::new) : null)
			.query((rs) -> {
				long grid = rs.getLong("grid_id");
				Long gridId = rs.wasNull() ? null : grid;
				gaps.add(new CoverageReport.Gap(rs.getLong("id"), rs.getString("subject_type"),
						MatrixRow.subjectId(rs.getString("subject_key")), rs.getString("subject_name"),
						rs.getString("level_code"), rs.getString("reason"), gridId,
						rs.getTimestamp("opened_at").toInstant()));
			});
		double percent = (figures.required() == 0) ? 100.0
				: Math.floor(figures.covered() * 1000.0 / figures.required()) / 10.0;
		return new CoverageReport(percent, figures.required(), figures.covered(), figures.computedAt(), gaps);
	}

	private Map<GapKey, Long> openGaps(CommunityId community) {
		Map<GapKey, Long> open = new LinkedHashMap<>();
		this.jdbc.sql("""
				select id, subject_type, subject_key, level_code, reason from duty_gap
				where community_id = :c and resolved_at is null
				""").param("c", community.value()).query((rs) -> {
			open.put(new GapKey(rs.getString("subject_type"), rs.getString("subject_key"), rs.getString("level_code"),
					rs.getString("reason")), rs.getLong("id"));
		});
		return open;
	}

	private record GapKey(String type, String key, String level, String reason) {
	}

	private record Found(String name, @Nullable Long gridId) {
	}

	private record Figures(int required, int covered, @Nullable Instant computedAt) {
	}

}
