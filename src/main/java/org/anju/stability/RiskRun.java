package org.anju.stability;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anju.appeals.AppealSignals;
import org.anju.calendar.WorkingCalendar;
import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One recompute: the community, the moment, the subjects it asks about (every subject, or
 * a few after an event), and the values the signals add. The appeals' counts are fetched
 * once per run and shared by the signals that read them.
 */
final class RiskRun {

	/** How far back the flags of closed appeals still count. */
	static final Duration APPEAL_WINDOW = Duration.ofDays(90);

	private final CommunityId community;

	private final Instant now;

	private final @Nullable Set<String> subjects;

	private final AppealSignals appeals;

	private final boolean asOf;

	private @Nullable List<AppealSignals.Tally> tallies;

	private final Map<String, Map<String, Measured>> values = new LinkedHashMap<>();

	/**
	 * @param subjects the subject keys to compute, or {@literal null} for every subject
	 * @param asOf whether {@code now} lies in the past, so that a signal must leave out
	 * what was not known then (a backtest); a live run reads the rows as they stand
	 */
	RiskRun(CommunityId community, Instant now, @Nullable Set<String> subjects, AppealSignals appeals, boolean asOf) {
		this.community = community;
		this.now = now;
		this.subjects = subjects;
		this.appeals = appeals;
		this.asOf = asOf;
	}

	CommunityId community() {
		return this.community;
	}

	Instant now() {
		return this.now;
	}

	/**
	 * @return whether the run looks back at a past moment rather than at now
	 */
	boolean asOf() {
		return this.asOf;
	}

	LocalDate today() {
		return LocalDate.ofInstant(this.now, WorkingCalendar.ZONE);
	}

	/**
	 * @return the subject keys asked about, or {@literal null} for all
	 */
	@Nullable Set<String> subjects() {
		return this.subjects;
	}

	/**
	 * @return the interest-group codes asked about, or {@literal null} for all
	 */
	@Nullable Collection<String> groupCodes() {
		return (this.subjects == null) ? null
				: this.subjects.stream()
					.map(RiskSubject::parse)
					.filter((subject) -> subject.type() == RiskSubject.Type.GROUP)
					.map(RiskSubject::id)
					.toList();
	}

	/**
	 * Binds what every signal query filters by: {@code :c} the community, {@code :now},
	 * {@code :today}, and {@code :all} with {@code :subjects} for
	 * {@code (cast(:all as boolean) or s.subject = any(cast(:subjects as text[])))}.
	 */
	JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
		return statement.param("c", this.community.value())
			.param("now", Timestamp.from(this.now))
			.param("today", Date.valueOf(today()))
			.param("all", this.subjects == null)
			.param("subjects", (this.subjects != null) ? this.subjects.toArray(String[]::new) : new String[0]);
	}

	/**
	 * @return every subject's appeal counts, fetched on the first call of the run
	 */
	List<AppealSignals.Tally> appealTallies() {
		if (this.tallies == null) {
			this.tallies = this.asOf ? this.appeals.talliesAsOf(this.community, this.now, APPEAL_WINDOW, this.subjects)
					: this.appeals.tallies(this.community, this.now, APPEAL_WINDOW, this.subjects);
		}
		return this.tallies;
	}

	/**
	 * Adds a signal's value for a subject; a zero value adds nothing.
	 */
	void add(String subjectKey, String signal, double value, List<Evidence> evidence, @Nullable String detail) {
		if (value <= 0 || (this.subjects != null && !this.subjects.contains(subjectKey))) {
			return;
		}
		this.values.computeIfAbsent(subjectKey, (key) -> new LinkedHashMap<>())
			.merge(signal, new Measured(value, evidence, detail), Measured::plus);
	}

	/**
	 * @return subject key to signal code to what was measured, in the order added
	 */
	Map<String, Map<String, Measured>> values() {
		return this.values;
	}

	/**
	 * A signal's value for one subject, with the records behind it.
	 */
	record Measured(double value, List<Evidence> evidence, @Nullable String detail) {

		Measured plus(Measured other) {
			List<Evidence> both = new java.util.ArrayList<>(this.evidence);
			both.addAll(other.evidence);
			String details = (this.detail == null) ? other.detail
					: (other.detail == null) ? this.detail : this.detail + "; " + other.detail;
			return new Measured(this.value + other.value,
					both.stream().distinct().limit(AppealSignals.EVIDENCE).toList(), details);
		}

	}

}
