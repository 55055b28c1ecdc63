package org.anju.people;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.anju.identity.DataScope;
import org.anju.platform.SqlFilter;
import org.anju.shared.BadParameter;
import org.anju.shared.InvalidInput;
import org.anju.shared.Phone;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds people within the caller's data scope, by name, pinyin in full or as initials,
 * the last four digits of an ID or phone, or a whole ID or phone; filtered by group,
 * area, grid and status; paged by key, sorted by the pinyin of the name.
 */
@Service
@Transactional(readOnly = true)
public class PeopleSearch {

	/** Counting stops here; beyond it the total is shown as "more than". */
	public static final int TOTAL_CAP = 10_000;

	public static final int MAX_PAGE = 200;

	private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{3}[\\dX]");

	private static final Pattern LETTERS = Pattern.compile("[a-z]+");

	private static final Pattern WHOLE_ID = Pattern.compile("\\d{17}[\\dX]|\\d{15}");

	private final JdbcClient jdbc;

	private final InterestGroups groups;

	PeopleSearch(JdbcClient jdbc, InterestGroups groups) {
		this.jdbc = jdbc;
		this.groups = groups;
	}

	/**
	 * @param cursor where the previous page ended, or {@code null} for the first page
	 * @throws InvalidInput for a size outside 1 to 200 or a cursor that this search did
	 * not make
	 */
	public PersonPage search(DataScope scope, PeopleQuery query, @Nullable String cursor, int size) {
		if (size < 1 || size > MAX_PAGE) {
			throw new BadParameter("size", "search.size", MAX_PAGE);
		}
		SqlFilter filter = filter(scope, query);
		Cursor after = Cursor.parse(cursor);
		// A search's selectivity depends on its values (a rare surname, a common
		// initial), so a
		// plan made for the statement's shape alone can pick an ordered scan of the whole
		// table.
		this.jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
		String sql = "select " + StoredPerson.COLUMNS + " from person p where " + filter.where()
				+ ((after != null) ? " and (p.sort_key, p.id) > (:afterKey, :afterId)" : "")
				+ " order by p.sort_key, p.id limit :limit";
		StatementSpec statement = filter.bind(this.jdbc.sql(sql)).param("limit", size + 1);
		if (after != null) {
			statement = statement.param("afterKey", after.sortKey()).param("afterId", after.id());
		}
		List<StoredPerson> rows = new ArrayList<>(statement.query(StoredPerson::read).list());
		String next = null;
		if (rows.size() > size) {
			rows.remove(size);
			StoredPerson last = rows.get(size - 1);
			next = new Cursor(last.sortKey(), last.id()).encode();
		}
		long total = filter.bind(this.jdbc.sql("select count(*) from (select 1 from person p where " + filter.where()
				+ " limit " + (TOTAL_CAP + 1) + ") t"))
			.query(Long.class)
			.single();
		Map<String, InterestGroup> names = this.groups.byCode(scope.community());
		Locale locale = LocaleContextHolder.getLocale();
		List<Person> people = rows.stream().map((row) -> PersonViews.masked(row, names, locale)).toList();
		return new PersonPage(people, next, Math.min(total, TOTAL_CAP), total > TOTAL_CAP);
	}

	/**
	 * Streams every matching person, masked, in the list's order, without holding them
	 * all in memory: for exports.
	 * @return how many were streamed
	 */
	public long forEach(DataScope scope, PeopleQuery query, Consumer<Person> consumer) {
		SqlFilter filter = filter(scope, query);
		Map<String, InterestGroup> names = this.groups.byCode(scope.community());
		Locale locale = LocaleContextHolder.getLocale();
		long[] count = { 0 };
		filter.bind(this.jdbc.sql("select " + StoredPerson.COLUMNS + " from person p where " + filter.where()
				+ " order by p.sort_key, p.id"))
			.withFetchSize(2000)
			.query((rs) -> {
				consumer.accept(PersonViews.masked(StoredPerson.read(rs, 0), names, locale));
				count[0]++;
			});
		return count[0];
	}

	private static SqlFilter filter(DataScope scope, PeopleQuery query) {
		SqlFilter filter = new SqlFilter("p.community_id = :community");
		filter.param("community", scope.communityId());
		Long[] grids = scope.gridFilter();
		filter.andIf(grids, "p.grid_id = any(:grids)", "grids");
		filter.andIf(query.areaId(), "p.area_id = :area", "area");
		filter.andIf(query.gridId(), "p.grid_id = :grid", "grid");
		filter.andIf(query.status(), "p.status = :status", "status");
		if (query.group() != null && !query.group().isBlank()) {
			filter
				.and("exists (select 1 from person_group g where g.community_id = p.community_id"
						+ " and g.person_id = p.id and g.group_code = :group)")
				.param("group", query.group().strip());
		}
		String q = (query.q() != null)
				? java.text.Normalizer.normalize(query.q(), java.text.Normalizer.Form.NFKC).strip() : "";
		if (!q.isEmpty()) {
			textCondition(filter, q);
		}
		return filter;
	}

	private static void textCondition(SqlFilter filter, String raw) {
		String q = raw.replaceAll("\\s+", "");
		String lower = q.toLowerCase(Locale.ROOT);
		if (FOUR_DIGITS.matcher(q.toUpperCase(Locale.ROOT)).matches()) {
			filter.and("(p.id_last4 = :q or p.phone_last4 = :q)").param("q", q.toUpperCase(Locale.ROOT));
		}
		else if (WHOLE_ID.matcher(q.toUpperCase(Locale.ROOT)).matches()) {
			filter.and("p.id_number = :q").param("q", wholeId(q));
		}
		else if (q.matches("[0-9()+\\-]{7,}")) {
			filter.and("p.phone = :q").param("q", phone(q));
		}
		else if (LETTERS.matcher(lower).matches()) {
			if (lower.length() >= 3) {
				filter.and("(p.pinyin_keys @> array[cast(:q as text)] or p.pinyin_text like :like)")
					.param("q", lower)
					.param("like", "%" + escapeLike(lower) + "%");
			}
			else {
				filter.and("p.pinyin_keys @> array[cast(:q as text)]").param("q", lower);
			}
		}
		else {
			String name = raw.strip();
			filter.and(
					"string_to_array(p.name, null) @> string_to_array(cast(:name as text), null) and p.name like :like")
				.param("name", name)
				.param("like", "%" + escapeLike(name) + "%");
		}
	}

	private static String wholeId(String q) {
		try {
			return org.anju.shared.IdNumber.parse(q).value();
		}
		catch (InvalidInput ex) {
			return q.toUpperCase(Locale.ROOT);
		}
	}

	private static String phone(String q) {
		try {
			return Phone.parse(q).value();
		}
		catch (InvalidInput ex) {
			return q;
		}
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/**
	 * Where a page ended: the sort key and ID of its last person, opaque to clients.
	 */
	private record Cursor(String sortKey, long id) {

		String encode() {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString((this.sortKey + "\u0000" + this.id).getBytes(StandardCharsets.UTF_8));
		}

		static @Nullable Cursor parse(@Nullable String cursor) {
			if (cursor == null || cursor.isBlank()) {
				return null;
			}
			try {
				String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
				int split = text.lastIndexOf('\u0000');
				return new Cursor(text.substring(0, split), Long.parseLong(text.substring(split + 1)));
			}
			catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
				throw new BadParameter("cursor", "cursor.invalid");
			}
		}

	}

}
