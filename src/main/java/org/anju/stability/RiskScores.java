package org.anju.stability;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The latest score of each subject, one row per subject that has any signal. A run
 * replaces the rows of the subjects it computed in one statement and removes those that
 * no longer have a signal.
 */
@Repository
class RiskScores {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	RiskScores(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * @param subjects the subject keys to answer, or {@literal null} for all
	 * @return subject key to its stored level, leaving out subjects below blue or without
	 * a score
	 */
	Map<String, WarningLevel> levels(CommunityId community, @Nullable Set<String> subjects) {
		Map<String, WarningLevel> levels = new HashMap<>();
		this.jdbc.sql("""
				select subject_type || ':' || subject_id as subject, level from risk_score
				where community_id = :c and level is not null
				  and (cast(:all as boolean) or subject_type || ':' || subject_id = any(cast(:subjects as text[])))
				""")
			.param("c", community.value())
			.param("all", subjects == null)
			.param("subjects", (subjects != null) ? subjects.toArray(String[]::new) : new String[0])
			.query((rs) -> {
				levels.put(rs.getString("subject"), WarningLevel.valueOf(rs.getString("level")));
			});
		return levels;
	}

	/**
	 * Stores the scores of a run and removes the scores of the subjects it asked about
	 * that no longer have any signal.
	 * @param subjects the subject keys the run asked about, or {@literal null} for all
	 */
	void replace(CommunityId community, Collection<RiskScore> scores, @Nullable Set<String> subjects, Instant at) {
		int size = scores.size();
		String[] types = new String[size];
		String[] ids = new String[size];
		Long[] grids = new Long[size];
		BigDecimal[] values = new BigDecimal[size];
		String[] levels = new String[size];
		String[] contributions = new String[size];
		Integer[] versions = new Integer[size];
		int i = 0;
		for (RiskScore score : scores) {
			types[i] = score.subject().type().name();
			ids[i] = score.subject().id();
			grids[i] = score.gridId();
			values[i] = score.score();
			levels[i] = (score.level() != null) ? score.level().name() : null;
			contributions[i] = this.json.writeValueAsString(score.contributions());
			versions[i] = score.modelVersion();
			i++;
		}
		this.jdbc.sql("""
				insert into risk_score (community_id, subject_type, subject_id, grid_id, score, level, contributions,
				                        model_version, computed_at)
				select :c, t, s, g, v, l, cast(j as jsonb), m, :at
				from unnest(cast(:types as text[]), cast(:ids as text[]), cast(:grids as bigint[]),
				            cast(:values as numeric[]), cast(:levels as text[]), cast(:contributions as text[]),
				            cast(:versions as int[])) as x(t, s, g, v, l, j, m)
				on conflict (community_id, subject_type, subject_id) do update
				set grid_id = excluded.grid_id, score = excluded.score, level = excluded.level,
				    contributions = excluded.contributions, model_version = excluded.model_version,
				    computed_at = excluded.computed_at
				""")
			.param("c", community.value())
			.param("at", Timestamp.from(at))
			.param("types", types)
			.param("ids", ids)
			.param("grids", grids)
			.param("values", values)
			.param("levels", levels)
			.param("contributions", contributions)
			.param("versions", versions)
			.update();
		this.jdbc.sql("""
				delete from risk_score
				where community_id = :c and computed_at < :at
				  and (cast(:all as boolean) or subject_type || ':' || subject_id = any(cast(:subjects as text[])))
				""")
			.param("c", community.value())
			.param("at", Timestamp.from(at))
			.param("all", subjects == null)
			.param("subjects", (subjects != null) ? subjects.toArray(String[]::new) : new String[0])
			.update();
	}

	Optional<RiskScore> find(CommunityId community, RiskSubject subject) {
		return this.jdbc.sql("""
				select grid_id, score, level, contributions, model_version, computed_at from risk_score
				where community_id = :c and subject_type = :type and subject_id = :id
				""")
			.param("c", community.value())
			.param("type", subject.type().name())
			.param("id", subject.id())
			.query((rs, row) -> {
				String level = rs.getString("level");
				List<Contribution> contributions = this.json.readValue(rs.getString("contributions"),
						new TypeReference<List<Contribution>>() {
						});
				return new RiskScore(subject, (Long) rs.getObject("grid_id"), rs.getBigDecimal("score"),
						(level != null) ? WarningLevel.valueOf(level) : null, contributions, rs.getInt("model_version"),
						rs.getTimestamp("computed_at").toInstant());
			})
			.optional();
	}

}
