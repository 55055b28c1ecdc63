package org.anju.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.shared.BadParameter;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.anju.shared.StaleVersion;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The national working-day calendar, and time limits counted on it. A working day is a
 * Monday to Friday that is not a holiday, or a make-up working day; a year that is not
 * published counts every Monday to Friday. Days are days in Asia/Shanghai.
 * <p>
 * Time limits count working days <em>after</em> the day of receipt and end at the end of
 * the due day: received on Wed 2026-09-30 with 5 working days, an appeal is due on
 * 2026-10-13 and overdue from 00:00 on 2026-10-14.
 * <p>
 * Every appeal action reads the calendar, so each node keeps the years it has read for
 * {@value #CACHE_SECONDS} seconds. A replacement is visible on the node that made it as
 * soon as it commits; other nodes see it within {@value #CACHE_SECONDS} seconds.
 */
@Service
public class WorkingCalendar {

	/** The zone whose days the calendar counts. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** The first year the calendar holds. */
	public static final int FIRST_YEAR = 2000;

	/** The last year the calendar holds. */
	public static final int LAST_YEAR = 2100;

	static final int CACHE_SECONDS = 60;

	private static final int MAX_NAME = 20;

	private final CalendarRows rows;

	private final AuditTrail audit;

	private final WorkingDays arithmetic = new WorkingDays(this::year, ZONE);

	private final ConcurrentMap<Integer, Cached> cache = new ConcurrentHashMap<>();

	/**
	 * Counts replacements, so that a read that raced one does not cache what it replaced.
	 */
	private final AtomicLong replacements = new AtomicLong();

	WorkingCalendar(CalendarRows rows, AuditTrail audit) {
		this.rows = rows;
		this.audit = audit;
	}

	/**
	 * @throws BadParameter for a year outside {@value #FIRST_YEAR} to {@value #LAST_YEAR}
	 */
	public static void requireSupportedYear(int year) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new BadParameter("year", "calendar.error.yearRange", String.valueOf(year), String.valueOf(FIRST_YEAR),
					String.valueOf(LAST_YEAR));
		}
	}

	/**
	 * @return whether work is done on that day
	 */
	public boolean isWorkingDay(LocalDate day) {
		return this.arithmetic.isWorkingDay(day);
	}

	/**
	 * Counts working days after the day of receipt: with 0 the limit is the day itself.
	 * @return the due day, never {@literal null}
	 * @throws IllegalArgumentException for a negative number of days
	 */
	public LocalDate addWorkingDays(LocalDate receivedDay, int workingDays) {
		return this.arithmetic.addWorkingDays(receivedDay, workingDays);
	}

	/**
	 * @return the end of the due day: 00:00 in Asia/Shanghai of the day after it
	 * @throws IllegalArgumentException for a negative number of days
	 */
	public Instant dueAt(Instant receivedAt, int workingDays) {
		return this.arithmetic.dueAt(receivedAt, workingDays);
	}

	/**
	 * The moment when {@code percent} of the working time between receipt and due is used
	 * up. Only time inside working days counts, so a weekend or a holiday does not bring
	 * the warning nearer.
	 * @return a moment between {@code receivedAt} and {@code dueAt}; {@code receivedAt}
	 * when there is no working time between them
	 * @throws IllegalArgumentException for a percentage outside 0 to 100, or a due moment
	 * before receipt
	 */
	public Instant warningAt(Instant receivedAt, Instant dueAt, int percent) {
		return this.arithmetic.warningAt(receivedAt, dueAt, percent);
	}

	/**
	 * @return whether someone has filled in and published that year
	 */
	public boolean published(int year) {
		return year(year).published();
	}

	/**
	 * @return the year as stored, or an unpublished year without days, never
	 * {@literal null}
	 */
	public YearSchedule year(int year) {
		long now = System.nanoTime();
		Cached cached = this.cache.get(year);
		if (cached != null && now - cached.readAt() < TimeUnit.SECONDS.toNanos(CACHE_SECONDS)) {
			return cached.schedule();
		}
		long before = this.replacements.get();
		YearSchedule schedule = this.rows.load(year);
		if (this.replacements.get() == before) {
			this.cache.put(year, new Cached(schedule, now));
		}
		return schedule;
	}

	/**
	 * The year as stored this moment, not as this node keeps it, with its version: what
	 * an editor starts from.
	 * @return never {@literal null}
	 * @throws BadParameter for a year outside {@value #FIRST_YEAR} to {@value #LAST_YEAR}
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public VersionedYear current(int year) {
		requireSupportedYear(year);
		return new VersionedYear(this.rows.load(year), this.rows.version(year));
	}

	/**
	 * Replaces the holidays and make-up working days of a year, and whether it is
	 * published, if nobody replaced it since the editor read it. The calendar is
	 * national, so the audit row goes to the editor's own community.
	 * @param expectedVersion the version the editor started from ({@code If-Match})
	 * @param schedule the days in any order; names are stripped
	 * @return the year as stored, with its new version
	 * @throws AccessDeniedException unless the user may edit reference data
	 * @throws BadParameter for a year outside {@value #FIRST_YEAR} to {@value #LAST_YEAR}
	 * @throws InvalidInput naming each day that breaks a rule ({@code days[3].date}),
	 * with nothing written
	 * @throws StaleVersion when someone replaced the year since, with nothing written
	 */
	@Transactional
	public VersionedYear replaceYear(CurrentUser user, int year, long expectedVersion, YearSchedule schedule) {
		if (!user.may(Permission.REFERENCE_DATA)) {
			throw new AccessDeniedException("needs " + Permission.REFERENCE_DATA);
		}
		requireSupportedYear(year);
		YearSchedule checked = checked(year, schedule);
		long version = this.rows.replace(checked, expectedVersion, user.username());
		this.audit.record(user.community(), "CALENDAR_YEAR_REPLACED", "CALENDAR_YEAR", year, Map.of("published",
				checked.published(), "days",
				checked.days().stream().map((day) -> day.date() + " " + day.kind() + " " + day.name()).toList()));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				forget(year);
			}
		});
		return new VersionedYear(checked, version);
	}

	private void forget(int year) {
		this.replacements.incrementAndGet();
		this.cache.remove(year);
	}

	private static YearSchedule checked(int year, YearSchedule schedule) {
		List<Violation> violations = new ArrayList<>();
		if (schedule.year() != year) {
			violations.add(new Violation("year", "calendar.error.yearMismatch", String.valueOf(schedule.year()),
					String.valueOf(year)));
		}
		Map<LocalDate, DayKind> seen = new HashMap<>();
		List<CalendarDay> days = new ArrayList<>();
		for (int i = 0; i < schedule.days().size(); i++) {
			CalendarDay day = schedule.days().get(i);
			String field = "days[" + i + "]";
			String date = day.date().toString();
			if (day.date().getYear() != year) {
				violations.add(new Violation(field + ".date", "calendar.error.otherYear", date, String.valueOf(year)));
			}
			DayKind earlier = seen.putIfAbsent(day.date(), day.kind());
			if (earlier != null) {
				violations.add(new Violation(field + ".date",
						(earlier == day.kind()) ? "calendar.error.duplicate" : "calendar.error.bothKinds", date));
			}
			if (day.kind() == DayKind.MAKEUP_WORKDAY && day.date().getDayOfWeek() != DayOfWeek.SATURDAY
					&& day.date().getDayOfWeek() != DayOfWeek.SUNDAY) {
				violations.add(new Violation(field + ".date", "calendar.error.makeUpOnWeekday", date));
			}
			String name = day.name().strip();
			int length = name.codePointCount(0, name.length());
			if (length < 1 || length > MAX_NAME) {
				violations.add(new Violation(field + ".name", "calendar.error.nameLength", String.valueOf(MAX_NAME)));
			}
			days.add(new CalendarDay(day.date(), day.kind(), name));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		days.sort(Comparator.comparing(CalendarDay::date));
		return new YearSchedule(year, schedule.published(), days);
	}

	private record Cached(YearSchedule schedule, long readAt) {
	}

}
