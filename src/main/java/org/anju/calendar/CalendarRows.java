package org.anju.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.anju.shared.StaleVersion;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The calendar's rows: one per year that someone filled in, one per day that it names.
 */
@Repository
class CalendarRows {

	/** The version of a year that nobody has filled in. */
	static final long NEVER_STORED = 0;

	private final JdbcClient jdbc;

	CalendarRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	YearSchedule load(int year) {
		Optional<Boolean> published = this.jdbc.sql("select published from calendar_year where year = :year")
			.param("year", year)
			.query(Boolean.class)
			.optional();
		if (published.isEmpty()) {
			return YearSchedule.unpublished(year);
		}
		List<CalendarDay> days = this.jdbc
			.sql("select day, kind, name from calendar_day where day between :first and :last order by day")
			.param("first", LocalDate.of(year, 1, 1))
			.param("last", LocalDate.of(year, 12, 31))
			.query((rs, n) -> new CalendarDay(rs.getObject("day", LocalDate.class),
					DayKind.valueOf(rs.getString("kind")), rs.getString("name")))
			.list();
		return new YearSchedule(year, published.get(), days);
	}

	/**
	 * @return the version of the year's row, {@code 0} when nobody has filled the year in
	 */
	long version(int year) {
		return this.jdbc.sql("select version from calendar_year where year = :year")
			.param("year", year)
			.query(Long.class)
			.optional()
			.orElse(NEVER_STORED);
	}

	/**
	 * Replaces the year's days if the year is still at the version the editor saw. The
	 * year's row is written first, so that two replacements of one year take their turns
	 * on its lock, and the second finds the version changed.
	 * @return the new version
	 * @throws StaleVersion when the year is no longer at {@code expectedVersion}
	 */
	long replace(YearSchedule schedule, long expectedVersion, String updatedBy) {
		int written = this.jdbc.sql((expectedVersion == NEVER_STORED) ? """
				insert into calendar_year (year, published, updated_at, updated_by, version)
				values (:year, :published, now(), :by, 1)
				on conflict (year) do nothing
				""" : """
				update calendar_year set published = :published, updated_at = now(), updated_by = :by,
				version = version + 1
				where year = :year and version = :version
				""")
			.param("year", schedule.year())
			.param("published", schedule.published())
			.param("by", updatedBy)
			.param("version", expectedVersion)
			.update();
		if (written == 0) {
			throw new StaleVersion(version(schedule.year()));
		}
		this.jdbc.sql("delete from calendar_day where day between :first and :last")
			.param("first", LocalDate.of(schedule.year(), 1, 1))
			.param("last", LocalDate.of(schedule.year(), 12, 31))
			.update();
		for (CalendarDay day : schedule.days()) {
			this.jdbc.sql("insert into calendar_day (day, kind, name) values (:day, :kind, :name)")
				.param("day", day.date())
				.param("kind", day.kind().name())
				.param("name", day.name())
				.update();
		}
		return version(schedule.year());
	}

}
