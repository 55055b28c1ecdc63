package org.anju.reporting;

import java.time.Clock;
import java.time.LocalDate;

import org.anju.calendar.WorkingCalendar;
import org.anju.shared.CommunityId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Asks for each community's monthly report every morning
 * ({@code anju.reporting.monthly-cron}, 07:15 Asia/Shanghai); {@link Reports#monthly}
 * decides whether it is due and makes it once. One community's failure does not hold up
 * the others.
 */
@Component
class MonthlyReportClock {

	private static final Logger log = LoggerFactory.getLogger(MonthlyReportClock.class);

	private final Reports reports;

	private final JdbcClient jdbc;

	private final Clock clock;

	MonthlyReportClock(Reports reports, JdbcClient jdbc, Clock clock) {
		this.reports = reports;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(cron = "${anju.reporting.monthly-cron:0 15 7 * * *}", zone = "Asia/Shanghai")
	void run() {
		LocalDate today = LocalDate.now(this.clock.withZone(WorkingCalendar.ZONE));
		for (Long id : this.jdbc.sql("select id from community order by id").query(Long.class).list()) {
			try {
				this.reports.monthly(new CommunityId(id), today);
			}
			catch (RuntimeException ex) {
				log.error("The monthly report of community {} failed", id, ex);
			}
		}
	}

}
