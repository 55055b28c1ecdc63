package org.anju.demo;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.anju.calendar.WorkingCalendar;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes the demo community into the benchmarks' data set when
 * {@code anju.demo.bench=true} (with {@code anju.demo=true}, after {@link DemoLoader} has
 * loaded the people and the sample appeals): three years of conflict cases with their
 * timelines, mood notes, the care visits filed with them and early warnings with theirs,
 * in the proportions of a community of that size. Each kind is written with {@code COPY}
 * (its timeline derived in one statement) and only into a community that has none yet, so
 * a data directory built once is reused as it is. {@code bin/bench-data} runs it and
 * waits for the line it logs at the end.
 */
@Component
@ConditionalOnProperty(name = "anju.demo.bench", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class BenchData implements ApplicationRunner {

	/** The line {@code bin/bench-data} waits for. */
	static final String READY = "Bench data ready";

	private static final Logger log = LoggerFactory.getLogger(BenchData.class);

	private static final int DAYS = 3 * 365;

	private static final String[] CASE_TYPES = { "LABOUR_BENEFITS", "HOUSING", "NEIGHBOUR", "FAMILY", "PROPERTY",
			"RESTRUCTURING", "OTHER" };

	private static final String[] CASE_TITLES = { "退休待遇核定争议", "房屋产权遗留问题", "邻里漏水纠纷", "家庭赡养纠纷", "物业收费纠纷", "改制身份置换补偿诉求",
			"其他矛盾纠纷" };

	private static final String[] MOODS = { "CALM", "CONCERNED", "DISSATISFIED", "AGITATED" };

	private static final String[] MOOD_SUMMARIES = { "情绪平稳，对社区工作表示认可", "关注养老金调整，有顾虑", "对问题处理进度不满意", "情绪激动，扬言上访" };

	private static final String[] SOURCES = { "VISIT", "MEETING", "PHONE", "ONLINE", "OTHER" };

	private static final String[] DISPOSITIONS = { "VISITED", "TALKED", "RESOLVED", "FALSE_ALARM" };

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final long community;

	/**
	 * @param dataSource the statements here run without the query timeout that guards
	 * interactive requests, as {@code SampleAppeals} does
	 */
	BenchData(DataSource dataSource, TransactionTemplate transaction, @Value("${anju.community-id:1}") long community) {
		this.jdbc = JdbcClient.create(new JdbcTemplate(dataSource));
		this.dataSource = dataSource;
		this.transaction = transaction;
		this.community = community;
	}

	@Override
	public void run(ApplicationArguments args) {
		long started = System.nanoTime();
		Random random = new Random(20261126L);
		Registry registry = new Registry();
		boolean added = false;
		// The demo's own story files a few cases and notes: a set holding less than half
		// of what is made here lacks them.
		if (count("conflict_case") < registry.people.size() / 25 / 2) {
			this.transaction.executeWithoutResult((status) -> conflictCases(registry, random));
			added = true;
		}
		if (count("mood_note") < registry.people.size() * 6 / 10 / 2) {
			this.transaction.executeWithoutResult((status) -> moodNotesAndVisits(registry, random));
			added = true;
		}
		// The engine may have raised warnings since the start; the generated ones are
		// nearly all older.
		if (this.jdbc.sql("""
				select not exists (select 1 from warning
				                   where community_id = :c and raised_at < now() - interval '2 days')
				""").param("c", this.community).query(Boolean.class).single()) {
			this.transaction.executeWithoutResult((status) -> warnings(registry, random));
			added = true;
		}
		for (String table : List.of("conflict_case", "conflict_timeline", "mood_note", "care_visit", "warning",
				"warning_timeline")) {
			this.jdbc.sql("analyze " + table).update();
		}
		log.info(
				"{} ({}): {} people, {} appeals, {} conflict cases, {} mood notes, {} care visits, {} warnings, "
						+ "in {} ms",
				READY, added ? "added" : "reused", count("person"), count("appeal"), count("conflict_case"),
				count("mood_note"), count("care_visit"), count("warning"), (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * One case per 25 people over three years; the older ones closed (resolved, under
	 * control or handed over), the recent ones still open.
	 */
	private void conflictCases(Registry registry, Random random) {
		int count = registry.people.size() / 25;
		StringBuilder rows = new StringBuilder();
		for (int i = 0; i < count; i++) {
			Person party = registry.person(random);
			int type = random.nextInt(CASE_TYPES.length);
			int age = random.nextInt(DAYS);
			Instant registered = daysAgo(age, random);
			double draw = random.nextDouble();
			String state = (age < 14) ? ((draw < 0.6) ? "REGISTERED" : "RESOLVING")
					: (age < 60) ? ((draw < 0.5) ? "RESOLVING" : "RESOLVED") : (draw < 0.65) ? "RESOLVED"
							: (draw < 0.9) ? "STABILISED" : (draw < 0.95) ? "HANDED_OVER" : "RESOLVING";
			boolean closed = state.equals("RESOLVED") || state.equals("HANDED_OVER");
			int severity = weighted(random, 70, 25, 5);
			String level = new String[] { "ORDINARY", "SERIOUS", "MAJOR" }[severity];
			int days = new int[] { 7, 15, 30 }[severity];
			Instant closedAt = closed ? registered.plus(Duration.ofDays(1 + random.nextInt(days * 2))) : null;
			row(rows, this.community, CASE_TYPES[type], CASE_TITLES[type],
					"当事人反映" + CASE_TITLES[type] + "，网格员已登记并上报。（样本" + i + "）", level, state,
					(random.nextInt(4) == 0) ? "SCREENING" : "REPORT", List.of(party.id), party.groups,
					(level.equals("ORDINARY")) ? 1 + random.nextInt(3) : 5 + random.nextInt(30),
					registry.anyOf(registry.leaders, random), registry.anyOf(registry.departments, random),
					registry.gridWorker(party, random), party.areaId, party.gridId, registered,
					LocalDate.ofInstant(registered, WorkingCalendar.ZONE).plusDays(days * 7 / 5),
					(closedAt != null && closedAt.isAfter(Instant.now())) ? Instant.now() : closedAt,
					state.equals("RESOLVED") ? random.nextBoolean() : null,
					state.equals("RESOLVED") ? "经调解双方达成一致，矛盾已化解。" : null, state.equals("HANDED_OVER") ? "街道综治中心" : null,
					"sample");
		}
		copy("""
				copy conflict_case (community_id, type, title, description, level, state, source, party_person_ids,
				                    party_group_codes, people_count, owner_leader_id, responsible_unit_code,
				                    grid_worker_id, area_id, grid_id, registered_at, due_date, closed_at,
				                    confirmed_by_parties, summary, handed_over_to, created_by) from stdin""", rows);
		this.jdbc.sql("""
				insert into conflict_timeline (community_id, case_id, at, actor, action, from_state, to_state, note)
				select k.community_id, k.id, s.at, k.created_by, s.action, s.from_state, s.to_state, s.note
				from conflict_case k
				cross join lateral (values
				  (k.registered_at, 'register', null, 'REGISTERED', null),
				  (k.registered_at + interval '1 day', 'mediate', 'REGISTERED', 'RESOLVING', '首次调解'),
				  (coalesce(k.closed_at, k.registered_at + interval '10 days'),
				   case k.state when 'RESOLVED' then 'resolve' when 'HANDED_OVER' then 'hand-over' else 'stabilise' end,
				   'RESOLVING', k.state, k.summary)
				) as s (at, action, from_state, to_state, note)
				where k.community_id = :c
				  and (s.action = 'register' or (s.action = 'mediate' and k.state <> 'REGISTERED')
				       or (s.from_state = 'RESOLVING' and s.action <> 'mediate'
				           and k.state in ('RESOLVED', 'STABILISED', 'HANDED_OVER')))
				""").param("c", this.community).update();
	}

	/**
	 * Six mood notes per ten people over three years, most about a person, some about an
	 * interest group; each note taken on a visit to a person is filed with its care
	 * visit, as the visit form does.
	 */
	private void moodNotesAndVisits(Registry registry, Random random) {
		int count = registry.people.size() * 6 / 10;
		StringBuilder rows = new StringBuilder();
		for (int i = 0; i < count; i++) {
			Person person = registry.person(random);
			boolean group = random.nextInt(10) == 0 && !person.groups.isEmpty();
			int mood = weighted(random, 60, 25, 12, 3);
			String source = SOURCES[weighted(random, 35, 15, 30, 10, 10)];
			Instant noted = daysAgo(random.nextInt(DAYS), random);
			row(rows, this.community, group ? "GROUP" : "PERSON", group ? null : person.id,
					group ? person.groups.get(0) : null, person.gridId, person.areaId,
					LocalDate.ofInstant(noted, WorkingCalendar.ZONE), group ? "MEETING" : source, MOODS[mood],
					(mood > 0) ? List.of(registry.anyOf(registry.categories, random)) : List.of(),
					(mood == 3) ? List.of("重点关注") : List.of(), MOOD_SUMMARIES[mood],
					registry.actor(registry.gridWorker(person, random)), noted);
		}
		copy("""
				copy mood_note (community_id, subject_type, person_id, group_code, grid_id, area_id, noted_on, source,
				                mood, topics, tags, summary, recorded_by, recorded_at) from stdin""", rows);
		this.jdbc.sql("""
				insert into care_visit (community_id, person_id, person_name, grid_id, visited_on, visitor_ids, reason,
				                        condition, mood, mood_note_id, recorded_by, recorded_at)
				select n.community_id, n.person_id, p.name, n.grid_id, n.noted_on,
				       array[coalesce((select min(g.user_id) from user_grid g
				                       where g.community_id = n.community_id and g.grid_id = n.grid_id),
				                      (select min(u.id) from user_account u
				                       where u.community_id = n.community_id and u.role = 'ADMIN'))],
				       (array['FESTIVAL', 'BIRTHDAY', 'ILLNESS', 'LIVING_ALONE', 'HARDSHIP', 'KEY_PERSON', 'OTHER',
				              'FESTIVAL'])[1 + n.id % 8],
				       (array['身体状况良好，生活能自理', '患慢性病，需定期复诊', '独居，子女在外地', '家庭经济困难'])[1 + n.id % 4],
				       n.mood, n.id, n.recorded_by, n.recorded_at
				from mood_note n join person p on p.community_id = n.community_id and p.id = n.person_id
				where n.community_id = :c and n.source = 'VISIT'
				""").param("c", this.community).update();
	}

	/**
	 * One warning per hundred people over three years, most about a person, some about a
	 * group or a grid: the older ones closed with a disposition, those of the last weeks
	 * open or acknowledged (one open warning per subject at most, as the engine keeps
	 * it).
	 */
	private void warnings(Registry registry, Random random) {
		int count = Math.max(1, registry.people.size() / 100);
		int model = this.jdbc.sql("select coalesce(max(version), 1) from risk_model where community_id = :c")
			.param("c", this.community)
			.query(Integer.class)
			.single();
		// one open warning per subject: leave out those the engine has raised already
		Set<String> open = Set.copyOf(this.jdbc.sql("""
				select subject_id from warning where community_id = :c and subject_type = 'PERSON' and state <> 'CLOSED'
				""").param("c", this.community).query(String.class).list());
		List<Person> subjects = new ArrayList<>(
				registry.people.stream().filter((person) -> !open.contains(Long.toString(person.id))).toList());
		Collections.shuffle(subjects, random);
		StringBuilder rows = new StringBuilder();
		for (int i = 0; i < count; i++) {
			Person person = subjects.get(i % subjects.size());
			int age = random.nextInt(DAYS);
			String state = (age > 30) ? "CLOSED" : (random.nextBoolean()) ? "OPEN" : "ACKNOWLEDGED";
			boolean closed = state.equals("CLOSED");
			int kind = closed ? weighted(random, 85, 10, 5) : 0;
			String subjectType = new String[] { "PERSON", "GROUP", "GRID" }[kind];
			String subjectId = switch (kind) {
				case 0 -> Long.toString(person.id);
				case 1 -> person.groups.isEmpty() ? "RESIDENT" : person.groups.get(0);
				default -> String.valueOf(person.gridId);
			};
			int level = weighted(random, 50, 30, 15, 5);
			double score = 20 + level * 20 + random.nextInt(20);
			Instant raised = daysAgo(age, random);
			Instant acknowledged = closed || state.equals("ACKNOWLEDGED") ? raised.plus(Duration.ofHours(4)) : null;
			String disposition = closed ? DISPOSITIONS[random.nextInt(DISPOSITIONS.length)] : null;
			Long worker = registry.gridWorker(person, random);
			String actor = registry.actor(worker);
			row(rows, this.community, subjectType, subjectId, (kind == 1) ? null : person.gridId,
					new String[] { "BLUE", "YELLOW", "ORANGE", "RED" }[level], score,
					"[{\"signal\":\"OPEN_APPEALS\",\"value\":" + (int) score + ",\"weight\":1.00,\"points\":" + score
							+ ",\"evidence\":[],\"detail\":null}]",
					state, raised, raised.plus(Duration.ofHours(24)), acknowledged,
					(acknowledged != null) ? actor : null, disposition,
					"FALSE_ALARM".equals(disposition) ? "核实为误报" : null, closed ? raised.plus(Duration.ofDays(2)) : null,
					closed ? actor : null, (worker != null) ? List.of(worker) : List.of(), model);
		}
		copy("""
				copy warning (community_id, subject_type, subject_id, grid_id, level, score, reasons, state, raised_at,
				              ack_due_at, acknowledged_at, acknowledged_by, disposition, close_note, closed_at,
				              closed_by, responsible_user_ids, model_version) from stdin""", rows);
		this.jdbc.sql("""
				insert into warning_timeline (community_id, warning_id, at, actor, action, level, score, note)
				select w.community_id, w.id, s.at, s.actor, s.action, w.level, w.score, s.note
				from warning w
				cross join lateral (values
				  (w.raised_at, 'system', 'raise', null),
				  (w.acknowledged_at, w.acknowledged_by, 'acknowledge', null),
				  (w.closed_at, w.closed_by, 'close', w.close_note)
				) as s (at, actor, action, note)
				where w.community_id = :c and s.at is not null
				""").param("c", this.community).update();
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table + " where community_id = :c")
			.param("c", this.community)
			.query(Long.class)
			.single();
	}

	/**
	 * A moment on the day {@code days} ago, in office hours.
	 */
	private static Instant daysAgo(int days, Random random) {
		Instant moment = Instant.now()
			.truncatedTo(ChronoUnit.DAYS)
			.minus(Duration.ofDays(days))
			.plus(Duration.ofMinutes(60 + random.nextInt(9 * 60)));
		return moment.isAfter(Instant.now()) ? Instant.now() : moment;
	}

	/**
	 * @return an index drawn with the given weights
	 */
	private static int weighted(Random random, int... weights) {
		int draw = random.nextInt(Arrays.stream(weights).sum());
		for (int i = 0; i < weights.length; i++) {
			draw -= weights[i];
			if (draw < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	/**
	 * Appends one line of {@code COPY} text: {@code \N} for null, an array literal for a
	 * collection. The values written here hold no tab, newline or backslash.
	 */
	private static void row(StringBuilder rows, @Nullable Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				rows.append('\t');
			}
			Object value = values[i];
			if (value == null) {
				rows.append("\\N");
			}
			else if (value instanceof Collection<?> items) {
				rows.append(
						items.stream().map((item) -> "\"" + item + "\"").collect(Collectors.joining(",", "{", "}")));
			}
			else {
				rows.append(value);
			}
		}
		rows.append('\n');
	}

	private void copy(String sql, StringBuilder rows) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(rows.toString()));
		}
		catch (SQLException | java.io.IOException ex) {
			throw new IllegalStateException("COPY failed: " + sql, ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * A registered person, with where they live and their interest groups.
	 */
	private record Person(long id, @Nullable Long gridId, @Nullable Long areaId, List<String> groups) {
	}

	/**
	 * What the generated records refer to, read once: the people, the leaders, the grid
	 * workers by grid, the departments and the categories.
	 */
	private final class Registry {

		final List<Person> people;

		final List<Long> leaders;

		final List<String> departments;

		final List<String> categories;

		/** [user id, grid id] of each grid worker's grid. */
		final List<long[]> gridWorkers;

		final Map<Long, String> usernames;

		Registry() {
			long c = BenchData.this.community;
			JdbcClient jdbc = BenchData.this.jdbc;
			this.people = jdbc.sql("""
					select p.id, p.grid_id, p.area_id,
					       array(select g.group_code from person_group g
					             where g.community_id = p.community_id and g.person_id = p.id order by 1) as groups
					from person p where p.community_id = :c and p.status = 'REGISTERED' order by p.id
					""")
				.param("c", c)
				.query((rs, n) -> new Person(rs.getLong("id"), rs.getObject("grid_id", Long.class),
						rs.getObject("area_id", Long.class), List.of((String[]) rs.getArray("groups").getArray())))
				.list();
			this.leaders = jdbc
				.sql("select id from user_account where community_id = :c and role in ('ADMIN', 'LEADER') order by id")
				.param("c", c)
				.query(Long.class)
				.list();
			this.departments = jdbc.sql("select code from department where community_id = :c order by code")
				.param("c", c)
				.query(String.class)
				.list();
			this.categories = jdbc.sql("select code from appeal_category where community_id = :c and active order by 1")
				.param("c", c)
				.query(String.class)
				.list();
			this.gridWorkers = jdbc.sql("""
					select g.user_id, g.grid_id from user_grid g
					join user_account u on u.community_id = g.community_id and u.id = g.user_id
					where g.community_id = :c and u.role = 'GRID_WORKER' order by 1, 2
					""").param("c", c).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
			this.usernames = jdbc.sql("select id, username from user_account where community_id = :c")
				.param("c", c)
				.query((rs) -> {
					Map<Long, String> names = new HashMap<>();
					while (rs.next()) {
						names.put(rs.getLong(1), rs.getString(2));
					}
					return names;
				});
			if (this.people.isEmpty() || this.leaders.isEmpty() || this.departments.isEmpty()
					|| this.categories.isEmpty()) {
				throw new IllegalStateException("The bench data needs the demo community first (anju.demo=true)");
			}
		}

		Person person(Random random) {
			return this.people.get(random.nextInt(this.people.size()));
		}

		<T> T anyOf(List<T> values, Random random) {
			return values.get(random.nextInt(values.size()));
		}

		/**
		 * @return the grid worker of the person's grid, else any grid worker, else none
		 */
		@Nullable Long gridWorker(Person person, Random random) {
			for (long[] worker : this.gridWorkers) {
				if (person.gridId != null && worker[1] == person.gridId) {
					return worker[0];
				}
			}
			return this.gridWorkers.isEmpty() ? null : anyOf(this.gridWorkers, random)[0];
		}

		/**
		 * @return the user's name as the app writes it for an actor, or {@code sample}
		 */
		String actor(@Nullable Long user) {
			return (user != null) ? this.usernames.getOrDefault(user, "sample") : "sample";
		}

	}

}
