package org.anju.people.roster;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

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

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes one import's people, batch by batch, inside the import's transaction: each batch
 * goes by {@code COPY} into a staging table and from there into the registry by a few
 * set-based statements, while the reader reads the next.
 */
final class RegistryCopy {

	private static final String STAGE = """
			create temp table roster_stage (
			  row_no int not null, person_id bigint not null, version bigint, name text not null, id_number text not null,
			  id_last4 text not null, gender text not null, birth_date date not null, phone text, phone_last4 text,
			  room_id bigint, area_id bigint, grid_id bigint, address text, former_unit text, notes text,
			  group_codes text[] not null, groups_changed boolean not null, pinyin_keys text[] not null,
			  pinyin_text text not null, sort_key text not null, registered jsonb, moved jsonb, edited jsonb
			) on commit drop
			""";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final ObjectMapper json;

	private final CommunityId community;

	private final String actor;

	private boolean started;

	private @Nullable Batch copied;

	RegistryCopy(JdbcClient jdbc, DataSource dataSource, ObjectMapper json, CommunityId community, String actor) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.json = json;
		this.community = community;
		this.actor = actor;
	}

	/**
	 * IDs for the people of a batch that the registry does not know yet, from the person
	 * table's own sequence, so that their groups and history can be written straight from
	 * the staging table. Taken before the batch is staged; a row that staging then
	 * refuses leaves its ID unused.
	 */
	long[] freshIds(int count) {
		if (count == 0) {
			return new long[0];
		}
		return this.jdbc.sql("select nextval(pg_get_serial_sequence('person', 'id')) from generate_series(1, :n)")
			.param("n", count)
			.query(Long.class)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.toArray();
	}

	/**
	 * Builds a batch's rows of the staging table. Needs no database, so that it can run
	 * while the database writes the batch before.
	 * @param fresh IDs for the new people, in order, from {@link #freshIds}
	 */
	Batch stage(List<StagedPerson> people, long[] fresh) {
		byte[][] lines = new byte[people.size()][];
		int next = 0;
		int changed = 0;
		for (int i = 0; i < lines.length; i++) {
			StagedPerson person = people.get(i);
			KnownPerson before = person.before;
			if (before != null) {
				changed++;
			}
			lines[i] = line(person, (before != null) ? before.id() : fresh[next++]);
		}
		return new Batch(lines, changed);
	}

	/**
	 * Copies a staged batch into the staging table; {@link #applyCopied} then files it.
	 */
	void copy(Batch batch) {
		if (this.copied != null) {
			throw new IllegalStateException("the batch copied before is not filed yet");
		}
		if (this.started) {
			this.jdbc.sql("truncate roster_stage").update();
		}
		else {
			this.jdbc.sql(STAGE).update();
			// New entries go to the GIN indexes' pending lists rather than into their
			// trees one by one; the vacuum that follows a large import merges them in
			// bulk.
			this.jdbc.sql("set local gin_pending_list_limit = '64MB'").update();
			this.started = true;
		}
		copy("copy roster_stage from stdin", batch.lines());
		this.copied = batch;
	}

	/**
	 * Files the batch last copied, if any, from the staging table into the registry.
	 * @throws Refused when someone changed or registered one of these people since the
	 * import read them
	 */
	void applyCopied() {
		Batch batch = this.copied;
		if (batch == null) {
			return;
		}
		this.copied = null;
		if (batch.changed() > 0) {
			update(batch.changed());
		}
		if (batch.changed() < batch.lines().length) {
			insert();
		}
		if (batch.changed() > 0) {
			this.jdbc
				.sql("""
						delete from person_group g using roster_stage s
						where g.community_id = :c and g.person_id = s.person_id and s.groups_changed and s.registered is null
						""")
				.param("c", this.community.value())
				.update();
		}
		this.jdbc.sql("""
				insert into person_group (community_id, person_id, group_code)
				select :c, s.person_id, unnest(s.group_codes) from roster_stage s where s.groups_changed
				""").param("c", this.community.value()).update();
		this.jdbc.sql("""
				insert into person_history (community_id, person_id, actor, kind, changes)
				select :c, s.person_id, :actor, h.kind, h.changes
				from roster_stage s
				cross join lateral (values ('IMPORTED', s.registered), ('MOVED', s.moved), ('EDITED', s.edited))
				  as h(kind, changes)
				where h.changes is not null
				order by s.row_no
				""").param("c", this.community.value()).param("actor", this.actor).update();
	}

	/**
	 * A batch's rows of the staging table, and how many of them change people the
	 * registry knows (the rest are new).
	 */
	record Batch(byte[][] lines, int changed) {
	}

	private void update(long expected) {
		int changed = this.jdbc.sql("""
				update person p set name = s.name, phone = s.phone, phone_last4 = s.phone_last4, room_id = s.room_id,
				       area_id = s.area_id, grid_id = s.grid_id, address = s.address,
				       household_id = case when s.room_id is not distinct from p.room_id then p.household_id end,
				       former_unit = s.former_unit, notes = s.notes, pinyin_keys = s.pinyin_keys,
				       pinyin_text = s.pinyin_text, sort_key = s.sort_key, version = p.version + 1, updated_at = now()
				from roster_stage s
				where p.community_id = :c and s.registered is null and p.id = s.person_id and p.version = s.version
				""").param("c", this.community.value()).update();
		if (changed != expected) {
			throw new Refused("import.changedMeanwhile");
		}
	}

	private void insert() {
		try {
			this.jdbc
				.sql("""
						insert into person (community_id, id, name, id_number, id_last4, gender, birth_date, phone, phone_last4,
						                    room_id, area_id, grid_id, address, former_unit, notes, pinyin_keys, pinyin_text,
						                    sort_key)
						overriding system value
						select :c, person_id, name, id_number, id_last4, gender, birth_date, phone, phone_last4, room_id,
						       area_id, grid_id, address, former_unit, notes, pinyin_keys, pinyin_text, sort_key
						from roster_stage where registered is not null order by row_no
						""")
				.param("c", this.community.value())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new Refused("import.changedMeanwhile");
		}
	}

	/**
	 * @return the person's row of the staging table
	 */
	private byte[] line(StagedPerson person, long personId) {
		RosterRow row = person.row;
		IdNumber id = row.idNumber();
		PinyinIndex.Keys pinyin = PinyinIndex.of(row.name().value());
		KnownPerson before = person.before;
		return new CopyRows.Line().value(row.row())
			.value(personId)
			.value((before != null) ? before.version() : null)
			.value(row.name().value())
			.value(id.value())
			.value(id.lastFour())
			.value(id.gender().name())
			.value(id.birthDate())
			.value(person.phone)
			.value((person.phone != null) ? Phone.lastFour(person.phone) : null)
			.value(person.roomId)
			.value(person.areaId)
			.value(person.gridId)
			.value(person.address)
			.value(person.formerUnit)
			.value(person.notes)
			.array(person.groupCodes)
			.value(person.groupsChanged() ? "t" : "f")
			.array(pinyin.keys())
			.value(pinyin.text())
			.value(pinyin.sortKey())
			.value(person.created() ? this.json.writeValueAsString(person.snapshot()) : null)
			.value(jsonOrNull(person.move()))
			.value(jsonOrNull(person.edits()))
			.end();
	}

	private @Nullable String jsonOrNull(@Nullable Map<String, Object> value) {
		return (value != null) ? this.json.writeValueAsString(value) : null;
	}

	private void copy(String sql, byte[][] lines) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			CopyManager copies = connection.unwrap(PGConnection.class).getCopyAPI();
			try (CopyRows out = new CopyRows(copies.copyIn(sql))) {
				for (byte[] line : lines) {
					out.write(line);
				}
				out.finish();
			}
		}
		catch (SQLException ex) {
			throw new UncategorizedSQLException(sql, null, ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

}
