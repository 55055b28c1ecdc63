package org.anju.appeals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.audit.AuditTrail;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.organisation.Departments;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.anju.shared.NotFound;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules that route new appeals (分派规则). Rules are configuration: a rule that is no
 * longer wanted is deleted, and the audit trail keeps what it said.
 */
@Service
@Transactional
public class RoutingRules {

	/** The priority of a rule that was given none. */
	public static final int DEFAULT_PRIORITY = 100;

	private static final String COLUMNS = "id, category_code, area_id, grid_id, department_code, assignee_user_id, priority, "
			+ "active, version";

	private final JdbcClient jdbc;

	private final AppealCategories categories;

	private final Departments departments;

	private final PlaceManagement places;

	private final UserManagement users;

	private final AuditTrail audit;

	RoutingRules(JdbcClient jdbc, AppealCategories categories, Departments departments, PlaceManagement places,
			UserManagement users, AuditTrail audit) {
		this.jdbc = jdbc;
		this.categories = categories;
		this.departments = departments;
		this.places = places;
		this.users = users;
		this.audit = audit;
	}

	/**
	 * @return every rule, by category, then the most specific first, then by priority
	 */
	@Transactional(readOnly = true)
	public List<RoutingRule> all(CommunityId community) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from appeal_routing_rule where community_id = :c
				order by category_code, grid_id is null, area_id is null, priority, id
				""").param("c", community.value()).query(RoutingRules::rule).list();
	}

	/**
	 * @throws NotFound when there is no such rule
	 */
	@Transactional(readOnly = true)
	public RoutingRule get(CommunityId community, long id) {
		return this.jdbc.sql("select " + COLUMNS + " from appeal_routing_rule where community_id = :c and id = :id")
			.param("c", community.value())
			.param("id", id)
			.query(RoutingRules::rule)
			.optional()
			.orElseThrow(() -> new NotFound("routing rule", id));
	}

	/**
	 * @throws InvalidInput listing every field that breaks a rule: an unknown category,
	 * area, grid, department or person, a grid outside the rule's area, or not exactly
	 * one of department and person
	 */
	public RoutingRule create(CommunityId community, RoutingRuleForm form) {
		validate(community, form);
		long id = bind(this.jdbc.sql("""
				insert into appeal_routing_rule (community_id, category_code, area_id, grid_id, department_code,
				    assignee_user_id, priority, active)
				values (:c, :categoryCode, :areaId, :gridId, :departmentCode, :assigneeUserId, :priority, :active)
				returning id
				"""), form).param("c", community.value()).query(Long.class).single();
		RoutingRule created = get(community, id);
		this.audit.record(community, "ROUTING_RULE_CREATED", "ROUTING_RULE", id, Map.of("after", created));
		return created;
	}

	/**
	 * @throws NotFound when there is no such rule
	 * @throws InvalidInput as {@link #create} does
	 * @throws StaleVersion when someone changed it since {@code expectedVersion}
	 */
	public RoutingRule update(CommunityId community, long id, long expectedVersion, RoutingRuleForm form) {
		RoutingRule before = get(community, id);
		validate(community, form);
		int updated = bind(this.jdbc.sql("""
				update appeal_routing_rule
				set category_code = :categoryCode, area_id = :areaId, grid_id = :gridId,
				    department_code = :departmentCode, assignee_user_id = :assigneeUserId, priority = :priority,
				    active = :active, version = version + 1
				where community_id = :c and id = :id and version = :version
				"""), form).param("c", community.value()).param("id", id).param("version", expectedVersion).update();
		if (updated == 0) {
			throw new StaleVersion(before.version());
		}
		RoutingRule after = get(community, id);
		this.audit.record(community, "ROUTING_RULE_UPDATED", "ROUTING_RULE", id,
				Map.of("before", before, "after", after));
		return after;
	}

	/**
	 * @throws NotFound when there is no such rule
	 * @throws StaleVersion when someone changed it since {@code expectedVersion}
	 */
	public void delete(CommunityId community, long id, long expectedVersion) {
		RoutingRule rule = get(community, id);
		int deleted = this.jdbc
			.sql("delete from appeal_routing_rule where community_id = :c and id = :id and version = :version")
			.param("c", community.value())
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (deleted == 0) {
			throw new StaleVersion(rule.version());
		}
		this.audit.record(community, "ROUTING_RULE_DELETED", "ROUTING_RULE", id, Map.of("before", rule));
	}

	private void validate(CommunityId community, RoutingRuleForm form) {
		List<Violation> problems = new ArrayList<>();
		if (form.categoryCode() == null || this.categories.find(community, form.categoryCode()).isEmpty()) {
			problems
				.add(new Violation("categoryCode", "routing.category.unknown", String.valueOf(form.categoryCode())));
		}
		Optional<Place> area = place(community, form.areaId(), PlaceKind.AREA);
		Optional<Place> grid = place(community, form.gridId(), PlaceKind.GRID);
		if (form.areaId() != null && area.isEmpty()) {
			problems.add(new Violation("areaId", "routing.area.unknown", form.areaId()));
		}
		if (form.gridId() != null && grid.isEmpty()) {
			problems.add(new Violation("gridId", "routing.grid.unknown", form.gridId()));
		}
		else if (form.areaId() != null && grid.isPresent() && !form.areaId().equals(grid.get().areaId())) {
			// such a rule could never match: a grid lies in exactly one area
			problems.add(new Violation("gridId", "routing.grid.outsideArea", grid.get().name()));
		}
		if ((form.departmentCode() == null) == (form.assigneeUserId() == null)) {
			problems.add(new Violation("departmentCode", "routing.target.exactlyOne"));
		}
		else if (form.departmentCode() != null && this.departments.find(community, form.departmentCode()).isEmpty()) {
			problems.add(new Violation("departmentCode", "routing.department.unknown", form.departmentCode()));
		}
		else if (form.assigneeUserId() != null) {
			assigneeProblem(community, form.assigneeUserId()).ifPresent(problems::add);
		}
		if (form.priority() != null && (form.priority() < 0 || form.priority() > 999)) {
			problems.add(new Violation("priority", "routing.priority.range"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	private Optional<Violation> assigneeProblem(CommunityId community, long userId) {
		UserAccount account;
		try {
			account = this.users.get(community, userId);
		}
		catch (NotFound ex) {
			return Optional.of(new Violation("assigneeUserId", "routing.assignee.unknown", userId));
		}
		if (account.role() == Role.RESIDENT || !account.enabled()) {
			return Optional.of(new Violation("assigneeUserId", "routing.assignee.notStaff", account.displayName()));
		}
		return Optional.empty();
	}

	private Optional<Place> place(CommunityId community, @Nullable Long id, PlaceKind kind) {
		return (id == null) ? Optional.empty()
				: this.places.find(community, id).filter((place) -> place.kind() == kind);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, RoutingRuleForm form) {
		return statement.param("categoryCode", form.categoryCode())
			.param("areaId", form.areaId())
			.param("gridId", form.gridId())
			.param("departmentCode", form.departmentCode())
			.param("assigneeUserId", form.assigneeUserId())
			.param("priority", (form.priority() != null) ? form.priority() : DEFAULT_PRIORITY)
			.param("active", form.active());
	}

	static RoutingRule rule(ResultSet rs, int row) throws SQLException {
		return new RoutingRule(rs.getLong("id"), rs.getString("category_code"), nullableLong(rs, "area_id"),
				nullableLong(rs, "grid_id"), rs.getString("department_code"), nullableLong(rs, "assignee_user_id"),
				rs.getInt("priority"), rs.getBoolean("active"), rs.getLong("version"));
	}

	private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
