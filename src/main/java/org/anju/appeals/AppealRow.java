package org.anju.appeals;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.anju.shared.Phone;
import org.jspecify.annotations.Nullable;

/**
 * An appeal's row as stored, with what only this module sees: the caller's full phone and
 * who took it in.
 */
record AppealRow(long id, String number, AppealState state, Channel channel, String categoryCode,
		@Nullable Long personId, @Nullable String personName, @Nullable String callerName, @Nullable String callerPhone,
		List<Long> coSignerIds, String title, String description, @Nullable Long placeId, @Nullable Long areaId,
		@Nullable Long gridId, int peopleCount, boolean escalated, boolean confidential, Set<AppealFlag> flags,
		@Nullable Long repeatOf, @Nullable String departmentCode, @Nullable Long assigneeId, Instant receivedAt,
		Instant dueAt, Instant warnAt, @Nullable Instant nearlyDueFiredAt, @Nullable Instant overdueFiredAt,
		@Nullable Integer extensionDays, @Nullable String extensionReason, @Nullable Instant resolvedAt,
		@Nullable String reply, @Nullable Boolean resolvedOnTime, @Nullable Satisfaction satisfaction,
		@Nullable Instant closedAt, int reopenCount, String createdBy, long version) {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final String COLUMNS = """
			a.id, a.number, a.state, a.channel, a.category_code, a.person_id, a.person_name, a.caller_name,
			a.caller_phone, a.title, a.description, a.place_id, a.area_id, a.grid_id, a.people_count, a.escalated,
			a.confidential, a.flags, a.repeat_of, a.department_code, a.assignee_id, a.received_at, a.due_at, a.warn_at,
			a.nearly_due_fired_at, a.overdue_fired_at, a.extension_days, a.extension_reason, a.resolved_at, a.reply,
			a.resolved_on_time, a.satisfaction, a.closed_at, a.reopen_count, a.created_by, a.version,
			coalesce(array(select s.person_id from appeal_co_signer s
			               where s.community_id = a.community_id and s.appeal_id = a.id order by s.person_id), '{}')
			  as co_signers
			""";

	static AppealRow read(ResultSet rs, int row) throws SQLException {
		return new AppealRow(rs.getLong("id"), rs.getString("number"), AppealState.valueOf(rs.getString("state")),
				Channel.valueOf(rs.getString("channel")), rs.getString("category_code"), longOrNull(rs, "person_id"),
				rs.getString("person_name"), rs.getString("caller_name"), rs.getString("caller_phone"),
				Arrays.asList((Long[]) rs.getArray("co_signers").getArray()), rs.getString("title"),
				rs.getString("description"), longOrNull(rs, "place_id"), longOrNull(rs, "area_id"),
				longOrNull(rs, "grid_id"), rs.getInt("people_count"), rs.getBoolean("escalated"),
				rs.getBoolean("confidential"), flags(rs.getArray("flags")), longOrNull(rs, "repeat_of"),
				rs.getString("department_code"), longOrNull(rs, "assignee_id"), instant(rs, "received_at"),
				instant(rs, "due_at"), instant(rs, "warn_at"), instant(rs, "nearly_due_fired_at"),
				instant(rs, "overdue_fired_at"), intOrNull(rs, "extension_days"), rs.getString("extension_reason"),
				instant(rs, "resolved_at"), rs.getString("reply"), booleanOrNull(rs, "resolved_on_time"),
				(rs.getString("satisfaction") != null) ? Satisfaction.valueOf(rs.getString("satisfaction")) : null,
				instant(rs, "closed_at"), rs.getInt("reopen_count"), rs.getString("created_by"), rs.getLong("version"));
	}

	Appeal toAppeal() {
		return new Appeal(this.id, this.number, this.state, this.categoryCode, this.flags, this.departmentCode,
				this.assigneeId, this.dueAt, this.warnAt, this.nearlyDueFiredAt, this.overdueFiredAt,
				this.extensionDays, this.extensionReason, this.resolvedAt, this.reply, this.resolvedOnTime,
				this.satisfaction, this.closedAt, this.reopenCount, this.version);
	}

	/**
	 * @param hideComplainant whether the viewer is among those a confidential complaint
	 * is about
	 */
	AppealView view(boolean hideComplainant, List<AppealView.TimelineEntry> timeline) {
		boolean hidden = hideComplainant && this.confidential;
		AppealView.Caller caller = (this.callerName == null || hidden) ? null : new AppealView.Caller(this.callerName,
				(this.callerPhone != null) ? Phone.mask(this.callerPhone) : null);
		return new AppealView(this.id, this.number, this.state, this.channel, this.categoryCode,
				hidden ? null : this.personId, hidden ? null : this.personName, caller,
				hidden ? List.of() : this.coSignerIds, this.title, this.description, this.placeId, this.areaId,
				this.gridId, this.peopleCount, this.escalated, this.confidential, this.flags, this.repeatOf,
				this.departmentCode, this.assigneeId, this.receivedAt, this.dueAt, dueDate(this.dueAt),
				this.extensionDays, this.resolvedAt, this.reply, this.resolvedOnTime, this.satisfaction, this.closedAt,
				this.reopenCount, this.version, timeline);
	}

	/**
	 * The day an appeal due at this instant must be dealt with by, as residents and staff
	 * read it: a limit runs out at midnight, so the day before.
	 */
	static LocalDate dueDate(Instant dueAt) {
		return dueAt.atZone(SHANGHAI).toLocalDate().minusDays(1);
	}

	private static Set<AppealFlag> flags(Array array) throws SQLException {
		Set<AppealFlag> flags = EnumSet.noneOf(AppealFlag.class);
		for (String flag : (String[]) array.getArray()) {
			flags.add(AppealFlag.valueOf(flag));
		}
		return flags;
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	private static @Nullable Long longOrNull(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Integer intOrNull(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static @Nullable Boolean booleanOrNull(ResultSet rs, String column) throws SQLException {
		boolean value = rs.getBoolean(column);
		return rs.wasNull() ? null : value;
	}

}
