package org.anju.people.roster;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.anju.people.PinyinIndex;
import org.anju.shared.CommunityId;
import org.anju.shared.IdNumber;
import org.anju.shared.Phone;
import org.anju.shared.Refused;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes one import's people, batch by batch, inside the import's transaction. New people
 * go by {@code COPY} straight into the registry, with their groups and history, so that
 * the database files them while the next batch is read. Changed people are staged, and
 * merged by a few set-based statements once all are known, since an update cannot be
 * copied.
 */
final class RegistryCopy {

	private static final String STAGE = """
			create temp table roster_stage (
			  person_id bigint not null, name text not null, phone text, phone_last4 text, room_id bigint,
			  area_id bigint, grid_id bigint, address text, former_unit text, notes text, pinyin_keys text[] not null,
			  pinyin_text text not null, sort_key text not null, row_no int not null, version bigint not null,
			  group_codes text[] not null, groups_changed boolean not null, moved jsonb, edited jsonb
			) on commit drop
			""";

	/** The columns that a new person and a changed one share, in this order. */
	private static final String FIELDS = "name, phone, phone_last4, room_id, area_id, grid_id, address, former_unit, "
			+ "notes, pinyin_keys, pinyin_text, sort_key";

	/** Rows built at a time, a few dozen kilobytes. */
	private static final int PART = 250;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final ObjectMapper json;

	private final CommunityId community;

	private final String actor;

	private boolean started;

	private int changed;

	RegistryCopy(JdbcClient jdbc, DataSource dataSource, ObjectMapper json, CommunityId community, String actor) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.json = json;
		this.community = community;
		this.actor = actor;
	}

	/**
	 * Writes the new people of a batch and stages its changed ones.
	 */
	void write(List<StagedPerson> people) {
		if (!this.started) {
			// New entries go to the GIN indexes' pending lists rather than into their
			// trees one by one; the vacuum that follows a large import merges them in
			// bulk.
			this.jdbc.sql("set local gin_pending_list_limit = '64MB'").update();
			this.started = true;
		}
		List<StagedPerson> created = people.stream().filter(StagedPerson::created).toList();
		List<StagedPerson> changed = people.stream().filter((person) -> !person.created()).toList();
		if (!created.isEmpty()) {
			create(created);
		}
		if (!changed.isEmpty()) {
			if (this.changed == 0) {
				this.jdbc.sql(STAGE).update();
			}
			this.changed += changed.size();
			copy("copy roster_stage (person_id, " + FIELDS + ", row_no, version, group_codes, groups_changed, moved, "
					+ "edited) from stdin", changed.size(), (i) -> stageLine(changed.get(i)));
		}
	}

	/**
	 * Merges the staged changes into the registry.
	 * @throws Refused when someone changed one of these people since the import read them
	 */
	void finish() {
		if (this.changed == 0) {
			return;
		}
		int updated = this.jdbc.sql("""
				update person p set name = s.name, phone = s.phone, phone_last4 = s.phone_last4, room_id = s.room_id,
				       area_id = s.area_id, grid_id = s.grid_id, address = s.address,
				       household_id = case when s.room_id is not distinct from p.room_id then p.household_id end,
				       former_unit = s.former_unit, notes = s.notes, pinyin_keys = s.pinyin_keys,
				       pinyin_text = s.pinyin_text, sort_key = s.sort_key, version = p.version + 1, updated_at = now()
				from roster_stage s
				where p.community_id = :c and p.id = s.person_id and p.version = s.version
				""").param("c", this.community.value()).update();
		if (updated != this.changed) {
			throw new Refused("import.changedMeanwhile");
		}
		this.jdbc.sql("""
				delete from person_group g using roster_stage s
				where g.community_id = :c and g.person_id = s.person_id and s.groups_changed
				""").param("c", this.community.value()).update();
		this.jdbc.sql("""
				insert into person_group (community_id, person_id, group_code)
				select :c, s.person_id, unnest(s.group_codes) from roster_stage s where s.groups_changed
				""").param("c", this.community.value()).update();
		this.jdbc.sql("""
				insert into person_history (community_id, person_id, actor, kind, changes)
				select :c, s.person_id, :actor, h.kind, h.changes
				from roster_stage s
				cross join lateral (values ('MOVED', s.moved), ('EDITED', s.edited)) as h(kind, changes)
				where h.changes is not null
				order by s.row_no
				""").param("c", this.community.value()).param("actor", this.actor).update();
	}

	private void create(List<StagedPerson> people) {
		long[] ids = newIds(people.size());
		copy("copy person (id, " + FIELDS + ", community_id, id_number, id_last4, gender, birth_date) from stdin",
				people.size(), (i) -> personLine(people.get(i), ids[i]));
		copy("copy person_group (community_id, person_id, group_code) from stdin", people.size(), (i) -> {
			ByteArrayOutputStream lines = new ByteArrayOutputStream();
			for (String code : people.get(i).groupCodes) {
				lines.writeBytes(new CopyRows.Line().value(this.community.value()).value(ids[i]).value(code).end());
			}
			return lines.toByteArray();
		});
		copy("copy person_history (community_id, person_id, actor, kind, changes) from stdin", people.size(),
				(i) -> new CopyRows.Line().value(this.community.value())
					.value(ids[i])
					.value(this.actor)
					.value("IMPORTED")
					.value(this.json.writeValueAsString(people.get(i).snapshot()))
					.end());
	}

	/**
	 * Takes the new people's IDs from the person table's own sequence, so that their
	 * groups and history can be written with them.
	 */
	private long[] newIds(int count) {
		Iterator<Long> fresh = this.jdbc
			.sql("select nextval(pg_get_serial_sequence('person', 'id')) from generate_series(1, :n)")
			.param("n", count)
			.query(Long.class)
			.list()
			.iterator();
		long[] ids = new long[count];
		for (int i = 0; i < count; i++) {
			ids[i] = fresh.next();
		}
		return ids;
	}

	private byte[] personLine(StagedPerson person, long id) {
		IdNumber number = person.row.idNumber();
		return fields(new CopyRows.Line().value(id), person).value(this.community.value())
			.value(number.value())
			.value(number.lastFour())
			.value(number.gender().name())
			.value(number.birthDate())
			.end();
	}

	private byte[] stageLine(StagedPerson person) {
		KnownPerson before = Objects.requireNonNull(person.before);
		return fields(new CopyRows.Line().value(before.id()), person).value(person.row.row())
			.value(before.version())
			.array(person.groupCodes)
			.value(person.groupsChanged() ? "t" : "f")
			.value(jsonOrNull(person.move()))
			.value(jsonOrNull(person.edits()))
			.end();
	}

	/**
	 * Adds the {@link #FIELDS}.
	 */
	private static CopyRows.Line fields(CopyRows.Line line, StagedPerson person) {
		PinyinIndex.Keys pinyin = PinyinIndex.of(person.row.name().value());
		return line.value(person.row.name().value())
			.value(person.phone)
			.value((person.phone != null) ? Phone.parse(person.phone).lastFour() : null)
			.value(person.roomId)
			.value(person.areaId)
			.value(person.gridId)
			.value(person.address)
			.value(person.formerUnit)
			.value(person.notes)
			.array(pinyin.keys())
			.value(pinyin.text())
			.value(pinyin.sortKey());
	}

	private @Nullable String jsonOrNull(@Nullable Map<String, Object> value) {
		return (value != null) ? this.json.writeValueAsString(value) : null;
	}

	/**
	 * Copies {@code count} rows, built part by part on every core and sent in order, so
	 * that the database files one part while the next is built.
	 */
	private void copy(String sql, int count, IntFunction<byte[]> line) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			CopyManager copies = connection.unwrap(PGConnection.class).getCopyAPI();
			try (CopyRows out = new CopyRows(copies.copyIn(sql))) {
				for (int from = 0; from < count; from += PART) {
					List<byte[]> lines = IntStream.range(from, Math.min(from + PART, count))
						.parallel()
						.mapToObj(line)
						.toList();
					for (byte[] bytes : lines) {
						out.write(bytes);
					}
					out.send();
				}
				out.finish();
			}
		}
		catch (SQLException ex) {
			if ("23505".equals(ex.getSQLState())) {
				// Someone registered one of these ID numbers since the import read them.
				throw new Refused("import.changedMeanwhile");
			}
			throw new UncategorizedSQLException(sql, null, ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

}
