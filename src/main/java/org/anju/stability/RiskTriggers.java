package org.anju.stability;

import java.util.List;

import org.anju.appeals.AppealChanged;
import org.anju.appeals.AppealSubmitted;
import org.anju.platform.BeforeCommit;
import org.anju.shared.CommunityId;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * After each event that can move a score, marks just the subjects it touched for
 * recompute: the person, their interest groups, the grid and the area. {@link RiskClocks}
 * recomputes the marked subjects every few seconds, so that a burst of events (a clock
 * firing on many appeals, an import) is one run, not hundreds at once. The community's
 * own score, which reads every appeal, follows on a slower tick. Marking is idempotent,
 * so an event seen twice does no harm; a rise the run finds raises its warning at once.
 * <p>
 * An appeal is marked by itself ({@code APPEAL:42}) in the transaction that took it in or
 * stepped it, one row and no read, and the run finds its subjects: intake, the busiest
 * path, pays for neither an event publication nor a transaction of its own.
 */
@Component
class RiskTriggers {

	/** The mark of an appeal whose subjects the next run looks up. */
	static final String APPEAL = "APPEAL:";

	private final JdbcClient jdbc;

	private final BeforeCommit<Mark> marks = new BeforeCommit<>(this::write);

	RiskTriggers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(AppealSubmitted submitted) {
		recompute(submitted.community(), List.of(APPEAL + submitted.appealId()));
	}

	@EventListener
	void on(AppealChanged changed) {
		if (!"note".equals(changed.action())) {
			recompute(changed.community(), List.of(APPEAL + changed.appealId()));
		}
	}

	@ApplicationModuleListener
	void on(MoodNoteFiled filed) {
		recompute(filed.community(), this.jdbc.sql("""
				select s.subject from mood_note n
				cross join lateral (
				    select 'PERSON:' || n.person_id where n.person_id is not null
				    union all select 'GROUP:' || n.group_code where n.group_code is not null
				    union all select 'GRID:' || n.grid_id where n.grid_id is not null
				    union all select 'AREA:' || n.area_id where n.area_id is not null) s(subject)
				where n.community_id = :c and n.id = :id
				""").param("c", filed.community().value()).param("id", filed.noteId()).query(String.class).list());
	}

	@ApplicationModuleListener
	void on(ConflictCaseChanged changed) {
		recompute(changed.community(), this.jdbc.sql("""
				select s.subject from conflict_case k
				cross join lateral (
				    select 'PERSON:' || p from unnest(k.party_person_ids) p
				    union all select 'GROUP:' || g from unnest(k.party_group_codes) g
				    union all select 'GRID:' || k.grid_id
				    union all select 'AREA:' || k.area_id where k.area_id is not null) s(subject)
				where k.community_id = :c and k.id = :id
				""").param("c", changed.community().value()).param("id", changed.caseId()).query(String.class).list());
	}

	/**
	 * Marks the subjects for {@link RiskClocks}' next short tick, which recomputes every
	 * marked subject of a community in one run.
	 */
	private void recompute(CommunityId community, List<String> touched) {
		touched.forEach((subject) -> this.marks.add(new Mark(community.value(), subject)));
	}

	/**
	 * Writes a transaction's marks as it commits, in one statement, each once and in the
	 * order of their keys, so that two transactions marking the same subjects cannot wait
	 * for each other. A tick that runs while the change is open may take an older mark of
	 * the subject and score it without the change; the mark written here, locked until
	 * the commit and taken by a tick only after it, has the next tick score it with the
	 * change.
	 */
	private void write(List<Mark> marks) {
		this.jdbc.sql("""
				insert into risk_dirty (community_id, subject)
				select distinct c, s from unnest(cast(:communities as bigint[]), cast(:subjects as text[])) as m(c, s)
				order by c, s
				on conflict (community_id, subject) do update set marked_at = excluded.marked_at
				""")
			.param("communities", marks.stream().map(Mark::community).toArray(Long[]::new))
			.param("subjects", marks.stream().map(Mark::subject).toArray(String[]::new))
			.update();
	}

	private record Mark(long community, String subject) {
	}

}
