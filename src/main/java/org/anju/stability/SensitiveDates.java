package org.anju.stability;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.people.InterestGroups;
import org.anju.shared.BadParameter;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.anju.shared.NotFound;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sensitive-date calendar (敏感日期): policy changes such as the pension adjustment,
 * anniversaries and big events, each with the interest groups it concerns and how many
 * days ahead it starts to matter. Everyone with stability work sees it; administrators
 * and leaders keep it, and every change is audited in its transaction.
 */
@Service
@Transactional
public class SensitiveDates {

	static final int MAX_LEAD_DAYS = 90;

	static final int MAX_SPAN_DAYS = 366;

	private static final String COLUMNS = "id, title, kind, starts_on, ends_on, group_codes, lead_days, note, version";

	private final JdbcClient jdbc;

	private final InterestGroups groups;

	private final AuditTrail audit;

	SensitiveDates(JdbcClient jdbc, InterestGroups groups, AuditTrail audit) {
		this.jdbc = jdbc;
		this.groups = groups;
		this.audit = audit;
	}

	/**
	 * The dates whose attention window, from {@code leadDays} before they start to the
	 * day they end, overlaps {@code from} to {@code to} (both included), for the warning
	 * engine: {@code within(c, today, today)} gives the dates that matter today.
	 * @return the dates, the earliest first, never {@literal null}
	 */
	@Transactional(readOnly = true)
	public List<SensitiveDate> within(CommunityId community, LocalDate from, LocalDate to) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from sensitive_date
				where community_id = :c and starts_on <= cast(:to as date) + :maxLead
				  and starts_on - lead_days <= :to and ends_on >= :from
				order by starts_on, id
				""")
			.param("c", community.value())
			.param("from", from)
			.param("to", to)
			.param("maxLead", MAX_LEAD_DAYS)
			.query(SensitiveDates::read)
			.list();
	}

	/**
	 * The dates of the caller's community that overlap {@code from} to {@code to}.
	 * @throws BadParameter when {@code to} is before {@code from} or they are more than
	 * ten years apart
	 */
	@Transactional(readOnly = true)
	public List<SensitiveDate> list(CurrentUser user, LocalDate from, LocalDate to) {
		ConflictManagement.requireRead(user);
		if (to.isBefore(from) || to.isAfter(from.plusYears(10))) {
			throw new BadParameter("to", "sensitiveDate.range");
		}
		return this.jdbc.sql("select " + COLUMNS + """
				 from sensitive_date where community_id = :c and starts_on <= :to and ends_on >= :from
				order by starts_on, id
				""")
			.param("c", user.communityId())
			.param("from", from)
			.param("to", to)
			.query(SensitiveDates::read)
			.list();
	}

	/**
	 * @throws NotFound when the community has no such date
	 */
	@Transactional(readOnly = true)
	public SensitiveDate get(CurrentUser user, long id) {
		ConflictManagement.requireRead(user);
		return find(user.community(), id);
	}

	/**
	 * @throws InvalidInput naming every field that breaks a rule, with nothing written
	 */
	public SensitiveDate create(CurrentUser user, NewSensitiveDate input) {
		requireLead(user);
		Checked date = check(user.community(), input);
		long id = this.jdbc.sql("""
				insert into sensitive_date (community_id, title, kind, starts_on, ends_on, group_codes, lead_days, note,
				                            created_by)
				values (:c, :title, :kind, :starts, :ends, :groups, :lead, :note, :actor)
				returning id
				""")
			.param("c", user.communityId())
			.param("title", date.title())
			.param("kind", date.kind().name())
			.param("starts", date.startsOn())
			.param("ends", date.endsOn())
			.param("groups", date.groupCodes().toArray(String[]::new))
			.param("lead", date.leadDays())
			.param("note", date.note())
			.param("actor", user.actor())
			.query(Long.class)
			.single();
		this.audit.record(user.community(), "SENSITIVE_DATE_CREATED", "SENSITIVE_DATE", id, detail(date));
		return find(user.community(), id);
	}

	/**
	 * Replaces a date's fields.
	 * @throws StaleVersion when it changed since {@code expectedVersion}
	 * @throws InvalidInput naming every field that breaks a rule, with nothing written
	 */
	public SensitiveDate update(CurrentUser user, long id, long expectedVersion, NewSensitiveDate input) {
		requireLead(user);
		SensitiveDate before = find(user.community(), id);
		if (before.version() != expectedVersion) {
			throw new StaleVersion(before.version());
		}
		Checked date = check(user.community(), input);
		int changed = this.jdbc.sql("""
				update sensitive_date set title = :title, kind = :kind, starts_on = :starts, ends_on = :ends,
				       group_codes = :groups, lead_days = :lead, note = :note, version = version + 1, updated_at = now()
				where community_id = :c and id = :id and version = :version
				""")
			.param("title", date.title())
			.param("kind", date.kind().name())
			.param("starts", date.startsOn())
			.param("ends", date.endsOn())
			.param("groups", date.groupCodes().toArray(String[]::new))
			.param("lead", date.leadDays())
			.param("note", date.note())
			.param("c", user.communityId())
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (changed == 0) {
			throw new StaleVersion(find(user.community(), id).version());
		}
		this.audit.record(user.community(), "SENSITIVE_DATE_CHANGED", "SENSITIVE_DATE", id, detail(date));
		return find(user.community(), id);
	}

	/**
	 * @param expectedVersion the version the caller saw, or {@literal null} to delete
	 * regardless
	 * @throws StaleVersion when it changed since {@code expectedVersion}
	 */
	public void delete(CurrentUser user, long id, @Nullable Long expectedVersion) {
		requireLead(user);
		SensitiveDate before = find(user.community(), id);
		if (expectedVersion != null && before.version() != expectedVersion) {
			throw new StaleVersion(before.version());
		}
		this.jdbc.sql("delete from sensitive_date where community_id = :c and id = :id")
			.param("c", user.communityId())
			.param("id", id)
			.update();
		this.audit.record(user.community(), "SENSITIVE_DATE_DELETED", "SENSITIVE_DATE", id,
				Map.of("title", before.title(), "startsOn", before.startsOn().toString()));
	}

	/**
	 * Keeping the community-wide calendars of stability work (sensitive dates, contact
	 * intervals) is for administrators and leaders.
	 */
	static void requireLead(CurrentUser user) {
		if (user.role() != Role.ADMIN && user.role() != Role.LEADER) {
			throw new AccessDeniedException("needs an administrator or leader");
		}
	}

	private Checked check(CommunityId community, NewSensitiveDate input) {
		List<Violation> problems = new ArrayList<>();
		String title = ConflictManagement.text(problems, input.title(), "title", 100);
		SensitiveDateKind kind = ConflictManagement.code(SensitiveDateKind.class, input.kind(), "kind",
				"sensitiveDate.kind.unknown", problems);
		LocalDate starts = day(input.startsOn(), "startsOn", true, problems);
		LocalDate ends = day(input.endsOn(), "endsOn", false, problems);
		if (starts != null && ends == null && (input.endsOn() == null || input.endsOn().isBlank())) {
			ends = starts;
		}
		if (starts != null && ends != null) {
			if (ends.isBefore(starts)) {
				problems.add(new Violation("endsOn", "sensitiveDate.endsBeforeStart"));
			}
			else if (ends.isAfter(starts.plusDays(MAX_SPAN_DAYS))) {
				problems.add(new Violation("endsOn", "sensitiveDate.tooLong", MAX_SPAN_DAYS));
			}
		}
		Set<String> known = this.groups.byCode(community).keySet();
		Set<String> codes = new LinkedHashSet<>();
		for (String code : input.groupCodes()) {
			if (code == null || !known.contains(code.strip())) {
				problems.add(new Violation("groupCodes", "conflict.group.unknown", code));
			}
			else {
				codes.add(code.strip());
			}
		}
		int lead = (input.leadDays() != null) ? input.leadDays() : 7;
		if (lead < 0 || lead > MAX_LEAD_DAYS) {
			problems.add(new Violation("leadDays", "sensitiveDate.leadDays", MAX_LEAD_DAYS));
		}
		String note = (input.note() != null && !input.note().isBlank()) ? input.note().strip() : null;
		if (note != null && note.length() > 1000) {
			problems.add(new Violation("note", "conflict.text.length", 1000));
		}
		if (!problems.isEmpty() || kind == null || starts == null || ends == null) {
			throw new InvalidInput(problems);
		}
		return new Checked(title, kind, starts, ends, List.copyOf(codes), lead, note);
	}

	private static @Nullable LocalDate day(@Nullable String text, String field, boolean required,
			List<Violation> problems) {
		if (text == null || text.isBlank()) {
			if (required) {
				problems.add(new Violation(field, "field.required"));
			}
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(new Violation(field, "stability.date.format", text));
			return null;
		}
	}

	private SensitiveDate find(CommunityId community, long id) {
		return this.jdbc.sql("select " + COLUMNS + " from sensitive_date where community_id = :c and id = :id")
			.param("c", community.value())
			.param("id", id)
			.query(SensitiveDates::read)
			.optional()
			.orElseThrow(() -> new NotFound("sensitive-date", id));
	}

	private static Map<String, Object> detail(Checked date) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("title", date.title());
		detail.put("kind", date.kind().name());
		detail.put("startsOn", date.startsOn().toString());
		detail.put("endsOn", date.endsOn().toString());
		detail.put("groupCodes", date.groupCodes());
		detail.put("leadDays", date.leadDays());
		return detail;
	}

	private static SensitiveDate read(ResultSet rs, int row) throws SQLException {
		Array groups = rs.getArray("group_codes");
		return new SensitiveDate(rs.getLong("id"), rs.getString("title"),
				SensitiveDateKind.valueOf(rs.getString("kind")), rs.getObject("starts_on", LocalDate.class),
				rs.getObject("ends_on", LocalDate.class), List.copyOf(Arrays.asList((String[]) groups.getArray())),
				rs.getInt("lead_days"), rs.getString("note"), rs.getLong("version"));
	}

	private record Checked(String title, SensitiveDateKind kind, LocalDate startsOn, LocalDate endsOn,
			List<String> groupCodes, int leadDays, @Nullable String note) {
	}

}
