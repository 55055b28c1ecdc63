package org.anju.appeals.ledger;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealState;
import org.anju.appeals.PastAppeal;
import org.anju.audit.AuditTrail;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.organisation.Department;
import org.anju.organisation.Departments;
import org.anju.people.PeopleQuery;
import org.anju.people.PeopleSearch;
import org.anju.people.Person;
import org.anju.platform.XlsxUpload;
import org.anju.shared.CommunityId;
import org.anju.shared.IdNumber;
import org.anju.shared.InvalidInput;
import org.anju.shared.Refused;
import org.anju.shared.UploadRejected;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings a community's past appeals along from its Excel ledgers, with the roster's
 * rules: the file passes the xlsx gate, every row is checked and every problem listed
 * with its Excel row number, a dry run writes nothing, and a commit writes all rows or
 * none. Imported appeals keep their number and their time of receipt, however old; their
 * clocks are computed from the working-day calendar; nobody is texted. The import is one
 * audit row, and each appeal's timeline starts with {@code imported}.
 */
@Service
class LedgerImport {

	private static final Pattern NUMBER = Pattern.compile("(\\d{4})-(\\d{6})");

	private final JdbcClient jdbc;

	private final AppealCategories categories;

	private final Departments departments;

	private final PeopleSearch people;

	private final AppealManagement appeals;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Clock clock;

	LedgerImport(JdbcClient jdbc, AppealCategories categories, Departments departments, PeopleSearch people,
			AppealManagement appeals, AuditTrail audit, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.categories = categories;
		this.departments = departments;
		this.people = people;
		this.appeals = appeals;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Checks a ledger and, unless this is a dry run and when it has no errors, writes it.
	 * @param file the uploaded bytes; the caller deletes it
	 * @return the counts and every problem; with errors nothing was written
	 * @throws UploadRejected when the file is too large, not an xlsx, or unsafe
	 * @throws InvalidInput for a problem of the whole file, such as a missing column
	 */
	@Transactional
	LedgerImportReport run(CurrentUser user, Path file, String fileName, boolean dryRun) throws IOException {
		if (!user.may(Permission.APPEALS_DISPATCH)) {
			throw new AccessDeniedException("needs APPEALS_DISPATCH");
		}
		XlsxUpload.check(file);
		Locale locale = LocaleContextHolder.getLocale();
		Labels labels = new Labels(this.messages, locale);
		LedgerReader reader = new LedgerReader(this.messages, labels, this.clock.instant());
		LedgerReader.Parsed parsed = reader.read(file);
		CommunityId community = user.community();
		List<LedgerProblem> errors = new ArrayList<>(parsed.errors());
		List<Staged> staged = resolve(user, parsed.rows(), reader, errors);
		errors.sort(Comparator.comparingInt(LedgerProblem::row));
		LedgerImportReport report = new LedgerImportReport(parsed.total()[0], staged.size(), parsed.warnings(), errors);
		if (dryRun || !report.ok()) {
			return report;
		}
		try {
			write(user, staged, fileName);
		}
		catch (DuplicateKeyException ex) {
			throw new Refused("ledger.changedMeanwhile");
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("file", fileName);
		detail.put("total", report.total());
		detail.put("imported", report.imported());
		this.audit.record(community, "APPEALS_IMPORTED", "APPEAL_IMPORT", fileName, detail);
		return report;
	}

	/**
	 * Looks up what each row names: its category, department and person, and whether its
	 * number is free.
	 */
	private List<Staged> resolve(CurrentUser user, List<LedgerRow> rows, LedgerReader reader,
			List<LedgerProblem> errors) {
		CommunityId community = user.community();
		Map<String, AppealCategory> categories = new HashMap<>();
		for (AppealCategory category : this.categories.tree(community)) {
			categories.putIfAbsent(category.nameEn().toLowerCase(Locale.ROOT), category);
			categories.putIfAbsent(category.nameZh(), category);
			categories.put(category.code(), category);
		}
		Map<String, Department> departments = new HashMap<>();
		for (Department department : this.departments.all(community)) {
			departments.putIfAbsent(department.nameEn().toLowerCase(Locale.ROOT), department);
			departments.putIfAbsent(department.nameZh(), department);
			departments.put(department.code(), department);
		}
		Set<String> taken = taken(community, rows);
		Map<String, Integer> firstRowOfNumber = new HashMap<>();
		Map<String, Optional<Person>> persons = new HashMap<>();
		List<Staged> staged = new ArrayList<>();
		for (LedgerRow row : rows) {
			int before = errors.size();
			AppealCategory category = lookUp(categories, row.category());
			if (category == null) {
				errors.add(reader.problem(row.row(), LedgerColumn.CATEGORY.header(), row.category(),
						"appeal.category.unknown", row.category()));
			}
			Department department = null;
			if (row.department() != null) {
				department = lookUp(departments, row.department());
				if (department == null) {
					errors.add(reader.problem(row.row(), LedgerColumn.DEPARTMENT.header(), row.department(),
							"appeal.department.unknown", row.department()));
				}
			}
			if (row.number() != null) {
				Integer first = firstRowOfNumber.putIfAbsent(row.number(), row.row());
				if (first != null) {
					errors.add(reader.problem(row.row(), LedgerColumn.NUMBER.header(), row.number(),
							"ledger.number.twice", first));
				}
				else if (taken.contains(row.number())) {
					errors.add(reader.problem(row.row(), LedgerColumn.NUMBER.header(), row.number(),
							"ledger.number.taken", row.number()));
				}
			}
			Person person = null;
			if (row.idNumber() != null) {
				person = persons.computeIfAbsent(row.idNumber(), (id) -> person(user, id)).orElse(null);
				if (person == null) {
					errors.add(reader.problem(row.row(), LedgerColumn.ID_NUMBER.header(), IdNumber.mask(row.idNumber()),
							"ledger.person.unknown"));
				}
			}
			if (errors.size() == before && category != null) {
				String departmentCode = (department != null) ? department.code()
						: (row.state() == AppealState.RECEIVED) ? null : category.departmentCode();
				staged.add(new Staged(row, category, departmentCode, person));
			}
		}
		return staged;
	}

	private static <T> @Nullable T lookUp(Map<String, T> known, String text) {
		T found = known.get(text);
		if (found == null) {
			found = known.get(text.toUpperCase(Locale.ROOT));
		}
		return (found != null) ? found : known.get(text.toLowerCase(Locale.ROOT));
	}

	private Optional<Person> person(CurrentUser user, String idNumber) {
		Person[] found = { null };
		this.people.forEach(user.scope(), new PeopleQuery(idNumber, null, null, null, null), (p) -> found[0] = p);
		return Optional.ofNullable(found[0]);
	}

	private Set<String> taken(CommunityId community, List<LedgerRow> rows) {
		String[] numbers = rows.stream().map(LedgerRow::number).filter((n) -> n != null).toArray(String[]::new);
		if (numbers.length == 0) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("select number from appeal where community_id = :c and number = any(:n)")
			.param("c", community.value())
			.param("n", numbers)
			.query(String.class)
			.list());
	}

	private void write(CurrentUser user, List<Staged> staged, String fileName) {
		CommunityId community = user.community();
		Map<Integer, Integer> highest = new TreeMap<>();
		Map<Integer, Integer> unnumbered = new TreeMap<>();
		for (Staged appeal : staged) {
			String number = appeal.row().number();
			Matcher m = (number != null) ? NUMBER.matcher(number) : null;
			if (m != null && m.matches()) {
				highest.merge(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Math::max);
			}
			else if (number == null) {
				unnumbered.merge(year(appeal.row().receivedAt()), 1, Integer::sum);
			}
		}
		// A kept number such as 2026-000500 must never be handed out again by intake.
		highest.forEach((year, last) -> this.jdbc.sql("""
				insert into appeal_number (community_id, year, last_number) values (:c, :year, :last)
				on conflict (community_id, year)
				do update set last_number = greatest(appeal_number.last_number, excluded.last_number)
				""").param("c", community.value()).param("year", year).param("last", last).update());
		Map<Integer, Integer> next = new HashMap<>();
		unnumbered.forEach((year, count) -> next.put(year,
				this.jdbc.sql("""
						insert into appeal_number (community_id, year, last_number) values (:c, :year, :count)
						on conflict (community_id, year) do update set last_number = appeal_number.last_number + :count
						returning last_number - :count + 1
						""")
					.param("c", community.value())
					.param("year", year)
					.param("count", count)
					.query(Integer.class)
					.single()));
		for (Staged appeal : staged) {
			LedgerRow row = appeal.row();
			String number = row.number();
			if (number == null) {
				int year = year(row.receivedAt());
				int n = next.merge(year, 1, Integer::sum) - 1;
				number = String.format("%d-%06d", year, n);
			}
			record(user, appeal, number, fileName);
		}
	}

	private void record(CurrentUser user, Staged appeal, String number, String fileName) {
		LedgerRow row = appeal.row();
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("file", fileName);
		source.put("row", row.row());
		this.appeals.recordPast(user,
				new PastAppeal(number, row.state(), row.channel(), appeal.category(), appeal.departmentCode(),
						appeal.person(), row.name(), row.phone(), row.title(), row.description(), row.receivedAt(),
						row.resolvedAt(), row.reply(), row.satisfaction(), source));
	}

	private static int year(Instant instant) {
		return instant.atZone(WorkingCalendar.ZONE).getYear();
	}

	/**
	 * A valid row with what it names looked up.
	 */
	private record Staged(LedgerRow row, AppealCategory category, @Nullable String departmentCode,
			@Nullable Person person) {
	}

}
