package org.anju.appeals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.anju.audit.AuditTrail;
import org.anju.organisation.Departments;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The community's tree of appeal categories: editable reference data with stable codes. A
 * category is never deleted, because appeals name it; it is deactivated instead, and a
 * deactivated category is not offered for new appeals.
 */
@Service
@Transactional
public class AppealCategories {

	/** The widest a time limit may be, in working days. */
	public static final int MAX_LIMIT_DAYS = 60;

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	private static final String COLUMNS = "code, parent_code, name_zh, name_en, department_code, limit_days, "
			+ "warning_percent, callback_required, active, version";

	private final JdbcClient jdbc;

	private final Departments departments;

	private final AuditTrail audit;

	AppealCategories(JdbcClient jdbc, Departments departments, AuditTrail audit) {
		this.jdbc = jdbc;
		this.departments = departments;
		this.audit = audit;
	}

	/**
	 * @return every category, active or not, each parent followed by its children, and
	 * siblings in their usual order; never {@literal null}
	 */
	@Transactional(readOnly = true)
	public List<AppealCategory> tree(CommunityId community) {
		return this.jdbc.sql("""
				with recursive node as (
				  select c.*, array[lpad(c.sort::text, 10, '0') || c.code] as path
				  from appeal_category c where c.community_id = :c and c.parent_code is null
				  union all
				  select c.*, node.path || (lpad(c.sort::text, 10, '0') || c.code)
				  from appeal_category c
				  join node on c.community_id = node.community_id and c.parent_code = node.code
				)
				select %s from node order by path
				""".formatted(COLUMNS)).param("c", community.value()).query(AppealCategories::category).list();
	}

	@Transactional(readOnly = true)
	public Optional<AppealCategory> find(CommunityId community, String code) {
		return this.jdbc.sql("select " + COLUMNS + " from appeal_category where community_id = :c and code = :code")
			.param("c", community.value())
			.param("code", code)
			.query(AppealCategories::category)
			.optional();
	}

	/**
	 * @throws NotFound when there is no such category
	 */
	@Transactional(readOnly = true)
	public AppealCategory get(CommunityId community, String code) {
		return find(community, code).orElseThrow(() -> new NotFound("appeal category", code));
	}

	/**
	 * Adds a category, at the top or under a parent, after its siblings.
	 * @throws InvalidInput listing every field that breaks a rule
	 * @throws Refused when the code, or the Chinese name among the siblings, is taken
	 */
	public AppealCategory create(CommunityId community, String code, CategoryForm form) {
		String cleanCode = code.strip().toUpperCase();
		List<Violation> problems = new ArrayList<>();
		if (!CODE.matcher(cleanCode).matches()) {
			problems.add(new Violation("code", "category.code.format"));
		}
		problems.addAll(problems(community, cleanCode, form));
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		CategoryForm clean = clean(form);
		try {
			bind(this.jdbc.sql("""
					insert into appeal_category (community_id, code, parent_code, name_zh, name_en, department_code,
					    limit_days, warning_percent, callback_required, active, sort)
					values (:c, :code, :parentCode, :nameZh, :nameEn, :departmentCode, :limitDays, :warningPercent,
					    :callbackRequired, :active,
					    (select coalesce(max(sort), 0) + 10 from appeal_category
					     where community_id = :c and parent_code is not distinct from cast(:parentCode as text)))
					"""), clean).param("c", community.value()).param("code", cleanCode).update();
		}
		catch (DuplicateKeyException ex) {
			throw new Refused("category.taken", cleanCode, String.valueOf(clean.nameZh()));
		}
		AppealCategory created = get(community, cleanCode);
		this.audit.record(community, "CATEGORY_CREATED", "APPEAL_CATEGORY", cleanCode, Map.of("after", created));
		return created;
	}

	/**
	 * Changes a category: its names, parent, department, time limit, warning point,
	 * callback and whether it is active. Deactivating is how a category is retired.
	 * @throws NotFound when there is no such category
	 * @throws InvalidInput listing every field that breaks a rule, including a parent
	 * that would make the category its own ancestor
	 * @throws StaleVersion when someone changed it since {@code expectedVersion}
	 */
	public AppealCategory update(CommunityId community, String code, long expectedVersion, CategoryForm form) {
		AppealCategory before = get(community, code);
		List<Violation> problems = problems(community, code, form);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		CategoryForm clean = clean(form);
		int updated;
		try {
			updated = bind(this.jdbc.sql("""
					update appeal_category
					set parent_code = :parentCode, name_zh = :nameZh, name_en = :nameEn,
					    department_code = :departmentCode, limit_days = :limitDays,
					    warning_percent = :warningPercent, callback_required = :callbackRequired,
					    active = :active, version = version + 1
					where community_id = :c and code = :code and version = :version
					"""), clean).param("c", community.value())
				.param("code", code)
				.param("version", expectedVersion)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new Refused("category.taken", code, String.valueOf(clean.nameZh()));
		}
		if (updated == 0) {
			throw new StaleVersion(before.version());
		}
		AppealCategory after = get(community, code);
		this.audit.record(community, "CATEGORY_UPDATED", "APPEAL_CATEGORY", code,
				Map.of("before", before, "after", after));
		return after;
	}

	private List<Violation> problems(CommunityId community, String code, CategoryForm form) {
		List<Violation> problems = new ArrayList<>();
		if (blank(form.nameZh()) || form.nameZh().strip().length() > 40) {
			problems.add(new Violation("nameZh", "category.nameZh.length"));
		}
		if (blank(form.nameEn()) || form.nameEn().strip().length() > 80) {
			problems.add(new Violation("nameEn", "category.nameEn.length"));
		}
		if (blank(form.departmentCode())) {
			problems.add(new Violation("departmentCode", "category.department.required"));
		}
		else if (this.departments.find(community, form.departmentCode().strip()).isEmpty()) {
			problems.add(new Violation("departmentCode", "category.department.unknown", form.departmentCode()));
		}
		if (form.limitDays() == null || form.limitDays() < 1 || form.limitDays() > MAX_LIMIT_DAYS) {
			problems.add(new Violation("limitDays", "category.limitDays.range", MAX_LIMIT_DAYS));
		}
		if (form.warningPercent() == null || form.warningPercent() < 1 || form.warningPercent() > 99) {
			problems.add(new Violation("warningPercent", "category.warningPercent.range"));
		}
		if (!blank(form.parentCode())) {
			parentProblem(community, code, form.parentCode().strip()).ifPresent(problems::add);
		}
		return problems;
	}

	/**
	 * A parent must exist and be active, and the category must not be among its
	 * ancestors: a cycle would cut the category off from the tree.
	 */
	private Optional<Violation> parentProblem(CommunityId community, String code, String parentCode) {
		Set<String> seen = new HashSet<>();
		String ancestor = parentCode;
		while (ancestor != null && seen.add(ancestor)) {
			if (ancestor.equals(code)) {
				return Optional.of(new Violation("parentCode", "category.parent.cycle", parentCode));
			}
			Optional<AppealCategory> found = find(community, ancestor);
			if (found.isEmpty()) {
				return Optional.of(new Violation("parentCode", "category.parent.unknown", parentCode));
			}
			if (ancestor.equals(parentCode) && !found.get().active()) {
				return Optional.of(new Violation("parentCode", "category.parent.inactive", parentCode));
			}
			ancestor = found.get().parentCode();
		}
		return Optional.empty();
	}

	private static CategoryForm clean(CategoryForm form) {
		return new CategoryForm(blank(form.parentCode()) ? null : form.parentCode().strip(),
				String.valueOf(form.nameZh()).strip(), String.valueOf(form.nameEn()).strip(),
				String.valueOf(form.departmentCode()).strip(), form.limitDays(), form.warningPercent(),
				form.callbackRequired(), form.active());
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, CategoryForm form) {
		return statement.param("parentCode", form.parentCode())
			.param("nameZh", form.nameZh())
			.param("nameEn", form.nameEn())
			.param("departmentCode", form.departmentCode())
			.param("limitDays", form.limitDays())
			.param("warningPercent", form.warningPercent())
			.param("callbackRequired", form.callbackRequired())
			.param("active", form.active());
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	private static AppealCategory category(ResultSet rs, int row) throws SQLException {
		return new AppealCategory(rs.getString("code"), rs.getString("parent_code"), rs.getString("name_zh"),
				rs.getString("name_en"), rs.getString("department_code"), rs.getInt("limit_days"),
				rs.getInt("warning_percent"), rs.getBoolean("callback_required"), rs.getBoolean("active"),
				rs.getLong("version"));
	}

}
