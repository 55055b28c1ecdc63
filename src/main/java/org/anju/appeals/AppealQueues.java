package org.anju.appeals;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.platform.SqlFilter;
import org.anju.shared.BadParameter;
import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work queues and ledgers: the appeals a caller reaches, filtered, the nearest deadline
 * first, so that overdue ones lead and nearly-due ones follow; paged by key.
 */
@Service
@Transactional(readOnly = true)
public class AppealQueues {

	public static final int MAX_PAGE = 200;

	static final int TOTAL_CAP = 10_000;

	private final JdbcClient jdbc;

	AppealQueues(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @throws BadParameter for a size outside 1 to 200 or a cursor this server did not
	 * make
	 */
	public AppealPage list(CurrentUser user, AppealQuery query, @Nullable String cursor, int size) {
		if (!user.may(Permission.APPEALS_READ) && user.personId() == null) {
			throw new AccessDeniedException("needs APPEALS_READ");
		}
		return page(user, filter(user, query), cursor, size);
	}

	/**
	 * The leader's supervision list (督办): open appeals that are overdue, wait for a
	 * decision on an extension, or were urged; the nearest deadline first.
	 * @throws BadParameter for a size outside 1 to 200 or a cursor this server did not
	 * make
	 */
	public AppealPage supervision(CurrentUser user, @Nullable String cursor, int size) {
		if (!user.may(Permission.APPEALS_SUPERVISE)) {
			throw new AccessDeniedException("needs APPEALS_SUPERVISE");
		}
		SqlFilter filter = filter(user, new AppealQuery(null, null, null, null, null, null, null, null, false, true));
		filter.and("""
				(a.flags @> array['OVERDUE'] or a.extension_days is not null
				 or exists (select 1 from appeal_timeline t
				            where t.community_id = a.community_id and t.appeal_id = a.id and t.action = 'urge'))""");
		return page(user, filter, cursor, size);
	}

	/**
	 * @return whether the user dispatches: assigns, transfers and calls back (the general
	 * office, and those with {@code APPEALS_DISPATCH})
	 */
	public boolean dispatches(CurrentUser user) {
		return AppealReach.dispatches(user);
	}

	/**
	 * @return the community's name, as printed on receipts and slips
	 */
	public String communityName(CommunityId community) {
		return this.jdbc.sql("select name from community where id = :c")
			.param("c", community.value())
			.query(String.class)
			.single();
	}

	private AppealPage page(CurrentUser user, SqlFilter filter, @Nullable String cursor, int size) {
		if (size < 1 || size > MAX_PAGE) {
			throw new BadParameter("size", "search.size", MAX_PAGE);
		}
		Cursor after = Cursor.parse(cursor);
		// Plan each queue for its own values: a department has thousands of open appeals
		// and
		// a grid a few dozen, and the generic plan a prepared statement falls back to
		// after a
		// few runs walked every open appeal for a staff member's queue (over a second
		// with a
		// million appeals, against 70 ms planned for the values).
		this.jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
		String sql = "select " + AppealRow.COLUMNS + " from appeal a where " + filter.where()
				+ ((after != null) ? " and (a.due_at, a.id) > (:afterDue, :afterId)" : "")
				+ " order by a.due_at, a.id limit :limit";
		var statement = filter.bind(this.jdbc.sql(sql)).param("limit", size + 1);
		if (after != null) {
			statement = statement.param("afterDue", Timestamp.from(after.dueAt())).param("afterId", after.id());
		}
		List<AppealRow> rows = new ArrayList<>(statement.query(AppealRow::read).list());
		String next = null;
		if (rows.size() > size) {
			rows.remove(size);
			AppealRow last = rows.get(size - 1);
			next = new Cursor(last.dueAt(), last.id()).encode();
		}
		long total = filter.bind(this.jdbc.sql("select count(*) from (select 1 from appeal a where " + filter.where()
				+ " limit " + (TOTAL_CAP + 1) + ") t"))
			.query(Long.class)
			.single();
		boolean hide = AppealReach.hidesComplainant(user);
		return new AppealPage(rows.stream().map((row) -> row.view(hide, List.of())).toList(), next,
				Math.min(total, TOTAL_CAP), total > TOTAL_CAP);
	}

	/**
	 * Hands every appeal the caller reaches and the filter matches to {@code each}, the
	 * oldest receipt first, without holding the list: a ledger (台账) may be long. Phones
	 * are masked and a confidential complainant is hidden as in {@link #list}.
	 * @return how many appeals were handed over
	 */
	public long forEach(CurrentUser user, AppealQuery query, Consumer<AppealView> each) {
		if (!user.may(Permission.APPEALS_READ)) {
			throw new AccessDeniedException("needs APPEALS_READ");
		}
		SqlFilter filter = filter(user, query);
		boolean hide = AppealReach.hidesComplainant(user);
		long[] count = { 0 };
		filter.bind(this.jdbc.sql("select " + AppealRow.COLUMNS + " from appeal a where " + filter.where()
				+ " order by a.received_at, a.id"))
			.withFetchSize(2000)
			.query((rs) -> {
				each.accept(AppealRow.read(rs, 0).view(hide, List.of()));
				count[0]++;
			});
		return count[0];
	}

	private static SqlFilter filter(CurrentUser user, AppealQuery query) {
		SqlFilter filter = new SqlFilter("a.community_id = :community").param("community", user.communityId());
		AppealReach.restrict(filter, user);
		if (query.state() != null) {
			filter.and("a.state = :state").param("state", query.state().name());
		}
		else if (query.open()) {
			filter.and("a.state in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS')");
		}
		filter.andIf(query.categoryCode(), "a.category_code = :category", "category");
		filter.andIf(query.departmentCode(), "a.department_code = :department", "department");
		filter.andIf(query.flag(), "a.flags @> array[cast(:flag as text)]", "flag");
		if (Boolean.TRUE.equals(query.overdue())) {
			filter.and("a.flags @> array['OVERDUE']");
		}
		filter.andIf(query.areaId(), "a.area_id = :area", "area");
		filter.andIf(query.gridId(), "a.grid_id = :grid", "grid");
		filter.andIf(query.group(), "a.person_groups @> array[cast(:group as text)]", "group");
		if (query.mine()) {
			filter.and("a.assignee_id = :me").param("me", user.userId());
		}
		return filter;
	}

	/**
	 * Where a page ended: the due time and ID of its last appeal, opaque to clients.
	 */
	private record Cursor(Instant dueAt, long id) {

		String encode() {
			String text = (this.dueAt.getEpochSecond() * 1_000_000 + this.dueAt.getNano() / 1000) + ":" + this.id;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
		}

		static @Nullable Cursor parse(@Nullable String cursor) {
			if (cursor == null || cursor.isBlank()) {
				return null;
			}
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
				long micros = Long.parseLong(parts[0]);
				return new Cursor(Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000),
						Long.parseLong(parts[1]));
			}
			catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
				throw new BadParameter("cursor", "cursor.invalid");
			}
		}

	}

}
