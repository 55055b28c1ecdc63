package org.anju.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The calendar's rows: one per year that someone filled in, one per day that it names.
 */
@Repository
class CalendarRows {

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
	 * Replaces the year's days. The year's row is written first, so that two replacements
	 * of one year take their turns on its lock.
	 */
	void replace(YearSchedule schedule, String updatedBy) {
		this.jdbc
			.sql("""
					insert into calendar_year (year, published, updated_at, updated_by) values (:year, :published, now(), :by)
					on conflict (year) do update
					set published = excluded.published, updated_at = excluded.updated_at, updated_by = excluded.updated_by
					""")
			.param("year", schedule.year())
			.param("published", schedule.published())
			.param("by", updatedBy)
			.update();
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
	}

}
