package org.anju.appeals;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.anju.platform.AfterCommit;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What an operator watches of the service loop: appeals taken in, and the open ones
 * nearly due and overdue per community. The open counts are read from the database each
 * minute, not on every scrape, so that a busy scraper costs the database nothing.
 */
@Component
class AppealMetrics {

	private final JdbcClient jdbc;

	private final Counter created;

	private final MultiGauge nearlyDue;

	private final MultiGauge overdue;

	AppealMetrics(JdbcClient jdbc, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.created = Counter.builder("anju.appeals.received")
			.description("Appeals taken in, on every channel")
			.register(registry);
		this.nearlyDue = MultiGauge.builder("anju.appeals.nearly.due")
			.description("Open appeals past their warning point and not yet due")
			.register(registry);
		this.overdue = MultiGauge.builder("anju.appeals.overdue")
			.description("Open appeals past their due time")
			.register(registry);
	}

	// Counted once the intake is committed: a rolled-back intake was never taken in. Not
	// a
	// transactional event listener, which the event publication registry would record in
	// a
	// table on every intake.
	@EventListener
	void taken(AppealSubmitted submitted) {
		AfterCommit.run(this.created::increment);
	}

	@Scheduled(fixedDelayString = "${anju.metrics.refresh:PT1M}", initialDelayString = "PT10S")
	void refresh() {
		List<OpenCounts> counts;
		try {
			counts = this.jdbc.sql("""
					select community_id,
						count(*) filter (where due_at <= now()) as overdue,
						count(*) filter (where warn_at <= now() and due_at > now()) as nearly_due
					from appeal
					where state in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS')
					group by community_id
					""").query(OpenCounts.class).list();
		}
		catch (DataAccessResourceFailureException ex) {
			return; // the health check reports the database; the gauges keep their last
					// values
		}
		this.overdue.register(counts.stream()
			.map((row) -> MultiGauge.Row.of(Tags.of("community", Long.toString(row.communityId())), row.overdue()))
			.toList(), true);
		this.nearlyDue.register(counts.stream()
			.map((row) -> MultiGauge.Row.of(Tags.of("community", Long.toString(row.communityId())), row.nearlyDue()))
			.toList(), true);
	}

	record OpenCounts(long communityId, long overdue, long nearlyDue) {
	}

}
