package org.anju.stability;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.calendar.WorkingCalendar;
import org.anju.shared.CommunityId;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Conflict cases, their mediations and their timelines on PostgreSQL.
 */
@Repository
class ConflictCases {

	static final String COLUMNS = """
			k.id, k.type, k.title, k.description, k.level, k.state, k.source, k.source_appeal_id, k.source_round_id,
			k.party_person_ids, k.party_group_codes, k.people_count, k.owner_leader_id, k.responsible_unit_code,
			k.grid_worker_id, k.area_id, k.grid_id, k.registered_at, k.due_date, k.closed_at, k.confirmed_by_parties,
			k.summary, k.handed_over_to, k.reopen_count, k.version""";

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	ConflictCases(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * @return the new case's id
	 */
	long insert(CommunityId community, Registration case_, String actor) {
		return this.jdbc.sql("""
				insert into conflict_case (community_id, type, title, description, level, state, source,
				                           source_appeal_id, source_round_id, party_person_ids, party_group_codes,
				                           people_count, owner_leader_id, responsible_unit_code, grid_worker_id,
				                           area_id, grid_id, registered_at, due_date, created_by)
				values (:c, :type, :title, :description, :level, 'REGISTERED', :source, :appeal, :round, :persons,
				        :groups, :peopleCount, :owner, :unit, :gridWorker, :area, :grid, :at, :due, :actor)
				returning id
				""")
			.param("c", community.value())
			.param("type", case_.type().name())
			.param("title", case_.title())
			.param("description", case_.description())
			.param("level", case_.level().name())
			.param("source", case_.source().name())
			.param("appeal", case_.sourceAppealId())
			.param("round", case_.sourceRoundId())
			.param("persons", case_.partyPersonIds().toArray(Long[]::new))
			.param("groups", case_.partyGroupCodes().toArray(String[]::new))
			.param("peopleCount", case_.peopleCount())
			.param("owner", case_.ownerLeaderId())
			.param("unit", case_.responsibleUnitCode())
			.param("gridWorker", case_.gridWorkerId())
			.param("area", case_.areaId())
			.param("grid", case_.gridId())
			.param("at", Timestamp.from(case_.registeredAt()))
			.param("due", case_.dueDate())
			.param("actor", actor)
			.query(Long.class)
			.single();
	}

	Optional<CaseRow> find(CommunityId community, long id) {
		return this.jdbc.sql("select " + COLUMNS + " from conflict_case k where k.community_id = :c and k.id = :id")
			.param("c", community.value())
			.param("id", id)
			.query(CaseRow::read)
			.optional();
	}

	/**
	 * @return the case an appeal was escalated into, if any
	 */
	Optional<CaseRow> fromAppeal(CommunityId community, long appealId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from conflict_case k where k.community_id = :c and k.source_appeal_id = :a")
			.param("c", community.value())
			.param("a", appealId)
			.query(CaseRow::read)
			.optional();
	}

	/**
	 * Writes what the aggregate changed and its steps, if nobody changed the case since
	 * it was loaded.
	 * @throws StaleVersion when the case is no longer at the version it was loaded with
	 */
	void save(CommunityId community, ConflictCase case_, String actor) {
		int updated = this.jdbc.sql("""
				update conflict_case set state = :state, due_date = :due, closed_at = :closedAt,
				       confirmed_by_parties = :confirmed, summary = :summary, handed_over_to = :handedOverTo,
				       reopen_count = :reopenCount, version = version + 1, updated_at = now()
				where community_id = :c and id = :id and version = :version
				""")
			.param("c", community.value())
			.param("id", case_.id())
			.param("version", case_.version())
			.param("state", case_.state().name())
			.param("due", case_.dueDate())
			.param("closedAt", (case_.closedAt() != null) ? Timestamp.from(case_.closedAt()) : null)
			.param("confirmed", case_.confirmedByParties())
			.param("summary", case_.summary())
			.param("handedOverTo", case_.handedOverTo())
			.param("reopenCount", case_.reopenCount())
			.update();
		if (updated == 0) {
			long current = this.jdbc.sql("select version from conflict_case where community_id = :c and id = :id")
				.param("c", community.value())
				.param("id", case_.id())
				.query(Long.class)
				.single();
			throw new StaleVersion(current);
		}
		for (ConflictCase.Step step : case_.steps()) {
			timeline(community, case_.id(), actor, step);
		}
	}

	void timeline(CommunityId community, long caseId, String actor, ConflictCase.Step step) {
		this.jdbc.sql("""
				insert into conflict_timeline (community_id, case_id, actor, action, from_state, to_state, note, detail)
				values (:c, :case, :actor, :action, :from, :to, :note, cast(:detail as jsonb))
				""")
			.param("c", community.value())
			.param("case", caseId)
			.param("actor", actor)
			.param("action", step.action())
			.param("from", (step.from() != null) ? step.from().name() : null)
			.param("to", step.to().name())
			.param("note", step.note())
			.param("detail", this.json.writeValueAsString(step.detail()))
			.update();
	}

	List<ConflictCaseView.TimelineEntry> timeline(CommunityId community, long caseId) {
		return this.jdbc.sql("""
				select id, at, actor, action, from_state, to_state, note, detail from conflict_timeline
				where community_id = :c and case_id = :case order by id
				""")
			.param("c", community.value())
			.param("case", caseId)
			.query((rs, n) -> new ConflictCaseView.TimelineEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					rs.getString("actor"), rs.getString("action"), state(rs.getString("from_state")),
					state(rs.getString("to_state")), rs.getString("note"),
					this.json.readValue(rs.getString("detail"), MAP)))
			.list();
	}

	void mediation(CommunityId community, long caseId, ConflictAction.Mediate mediation, String actor) {
		this.jdbc.sql("""
				insert into conflict_mediation (community_id, case_id, held_on, method, participants, agreement,
				                                outcome, recorded_by)
				values (:c, :case, :date, :method, :participants, :agreement, :outcome, :actor)
				""")
			.param("c", community.value())
			.param("case", caseId)
			.param("date", mediation.date())
			.param("method", mediation.method())
			.param("participants", mediation.participants())
			.param("agreement", mediation.agreement())
			.param("outcome", mediation.outcome())
			.param("actor", actor)
			.update();
	}

	List<ConflictCaseView.Mediation> mediations(CommunityId community, long caseId) {
		return this.jdbc.sql("""
				select id, held_on, method, participants, agreement, outcome, recorded_by, recorded_at
				from conflict_mediation where community_id = :c and case_id = :case order by held_on, id
				""")
			.param("c", community.value())
			.param("case", caseId)
			.query((rs, n) -> new ConflictCaseView.Mediation(rs.getLong("id"), rs.getObject("held_on", LocalDate.class),
					rs.getString("method"), rs.getString("participants"), rs.getString("agreement"),
					rs.getString("outcome"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	private static @Nullable ConflictState state(@Nullable String name) {
		return (name != null) ? ConflictState.valueOf(name) : null;
	}

	/**
	 * A case about to be inserted, checked.
	 */
	record Registration(ConflictType type, String title, String description, RiskLevel level, CaseSource source,
			@Nullable Long sourceAppealId, @Nullable Long sourceRoundId, List<Long> partyPersonIds,
			List<String> partyGroupCodes, int peopleCount, long ownerLeaderId, @Nullable String responsibleUnitCode,
			@Nullable Long gridWorkerId, @Nullable Long areaId, long gridId, Instant registeredAt, LocalDate dueDate) {
	}

	/**
	 * A case as stored.
	 */
	record CaseRow(long id, ConflictType type, String title, String description, RiskLevel level, ConflictState state,
			CaseSource source, @Nullable Long sourceAppealId, @Nullable Long sourceRoundId, List<Long> partyPersonIds,
			List<String> partyGroupCodes, int peopleCount, long ownerLeaderId, @Nullable String responsibleUnitCode,
			@Nullable Long gridWorkerId, @Nullable Long areaId, long gridId, Instant registeredAt, LocalDate dueDate,
			@Nullable Instant closedAt, @Nullable Boolean confirmedByParties, @Nullable String summary,
			@Nullable String handedOverTo, int reopenCount, long version) {

		static CaseRow read(ResultSet rs, int row) throws SQLException {
			Timestamp closed = rs.getTimestamp("closed_at");
			return new CaseRow(rs.getLong("id"), ConflictType.valueOf(rs.getString("type")), rs.getString("title"),
					rs.getString("description"), RiskLevel.valueOf(rs.getString("level")),
					ConflictState.valueOf(rs.getString("state")), CaseSource.valueOf(rs.getString("source")),
					rs.getObject("source_appeal_id", Long.class), rs.getObject("source_round_id", Long.class),
					Arrays.asList((Long[]) array(rs.getArray("party_person_ids"))),
					Arrays.asList((String[]) array(rs.getArray("party_group_codes"))), rs.getInt("people_count"),
					rs.getLong("owner_leader_id"), rs.getString("responsible_unit_code"),
					rs.getObject("grid_worker_id", Long.class), rs.getObject("area_id", Long.class),
					rs.getLong("grid_id"), rs.getTimestamp("registered_at").toInstant(),
					rs.getObject("due_date", LocalDate.class), (closed != null) ? closed.toInstant() : null,
					rs.getObject("confirmed_by_parties", Boolean.class), rs.getString("summary"),
					rs.getString("handed_over_to"), rs.getInt("reopen_count"), rs.getLong("version"));
		}

		private static Object array(Array array) throws SQLException {
			return array.getArray();
		}

		ConflictCase toCase() {
			return new ConflictCase(this.id, this.version, this.state, this.dueDate, this.closedAt,
					this.confirmedByParties, this.summary, this.handedOverTo, this.reopenCount);
		}

		/**
		 * @param today the day in Asia/Shanghai, for whether the case is overdue
		 */
		ConflictCaseView view(LocalDate today, List<ConflictCaseView.Mediation> mediations,
				List<ConflictCaseView.TimelineEntry> timeline) {
			return new ConflictCaseView(this.id, this.type, this.title, this.description, this.level, this.state,
					this.source, this.sourceAppealId, this.sourceRoundId, List.copyOf(this.partyPersonIds),
					List.copyOf(this.partyGroupCodes), this.peopleCount, this.ownerLeaderId, this.responsibleUnitCode,
					this.gridWorkerId, this.areaId, this.gridId, this.registeredAt, this.dueDate,
					this.dueDate.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant(),
					this.state.open() && today.isAfter(this.dueDate), this.closedAt, this.confirmedByParties,
					this.summary, this.handedOverTo, this.reopenCount, this.version, mediations, timeline);
		}

	}

}
