package org.anju.appeals;

import java.util.List;
import java.util.Optional;

import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides where a new appeal goes. Rules assign automatically; an appeal that no rule
 * claims waits in the general office's dispatch queue, with the category's default
 * department offered to the dispatcher.
 * <p>
 * Which rule decides: only active rules whose area and grid (where they name one) are the
 * appeal's count. The category's own rules come first; a sub-category without a matching
 * rule of its own follows its parent's, and so on up the tree. Among one category's rules
 * a rule for the grid beats a rule for the area, which beats a rule for the whole
 * category; then the lower priority number wins, then the older rule. A rule naming a
 * person whose account has since been disabled is passed over.
 */
@Service
@Transactional(readOnly = true)
public class Routing {

	/** The department whose dispatchers take what no rule routes: 综合办. */
	public static final String DISPATCH_DEPARTMENT = "GENERAL_OFFICE";

	/**
	 * Deeper than any sensible tree; it keeps the walk up the tree finite even if two
	 * concurrent edits ever made a cycle.
	 */
	private static final int MAX_DEPTH = 16;

	private final JdbcClient jdbc;

	private final AppealCategories categories;

	private final PlaceManagement places;

	private final UserManagement users;

	Routing(JdbcClient jdbc, AppealCategories categories, PlaceManagement places, UserManagement users) {
		this.jdbc = jdbc;
		this.categories = categories;
		this.places = places;
		this.users = users;
	}

	/**
	 * @param areaId the area the appeal comes from, if known; taken from the grid when
	 * only that is given
	 * @param gridId the grid the appeal comes from, if known
	 * @return where the appeal goes, never {@literal null}
	 * @throws InvalidInput for an unknown or inactive category, or an area or grid that
	 * does not exist
	 */
	public Route route(CommunityId community, String categoryCode, @Nullable Long areaId, @Nullable Long gridId) {
		AppealCategory category = this.categories.find(community, categoryCode)
			.orElseThrow(() -> new InvalidInput("categoryCode", "routing.category.unknown", categoryCode));
		if (!category.active()) {
			throw new InvalidInput("categoryCode", "routing.category.inactive", category.nameZh());
		}
		Long area = areaId;
		if (area != null) {
			place(community, area, PlaceKind.AREA, "areaId", "routing.area.unknown");
		}
		if (gridId != null) {
			Place grid = place(community, gridId, PlaceKind.GRID, "gridId", "routing.grid.unknown");
			area = (area != null) ? area : grid.areaId();
		}
		return route(community, category, area, gridId);
	}

	/**
	 * Where an appeal of a category that the caller has already looked up goes, from an
	 * area and grid the caller has already checked, as intake has them.
	 */
	Route route(CommunityId community, AppealCategory category, @Nullable Long areaId, @Nullable Long gridId) {
		for (RoutingRule rule : candidates(community, category.code(), areaId, gridId)) {
			Optional<Route> route = routeBy(community, rule, category);
			if (route.isPresent()) {
				return route.get();
			}
		}
		return new Route(DISPATCH_DEPARTMENT, null, null, true, category.departmentCode());
	}

	private List<RoutingRule> candidates(CommunityId community, String categoryCode, @Nullable Long areaId,
			@Nullable Long gridId) {
		return this.jdbc.sql("""
				with recursive chain as (
				  select code, parent_code, 0 as depth from appeal_category where community_id = :c and code = :code
				  union all
				  select p.code, p.parent_code, chain.depth + 1
				  from appeal_category p join chain on p.community_id = :c and p.code = chain.parent_code
				  where chain.depth < :maxDepth
				)
				select r.* from appeal_routing_rule r join chain on r.category_code = chain.code
				where r.community_id = :c and r.active
				  and (r.grid_id is null or r.grid_id = cast(:grid as bigint))
				  and (r.area_id is null or r.area_id = cast(:area as bigint))
				order by chain.depth, r.grid_id is null, r.area_id is null, r.priority, r.id
				""")
			.param("c", community.value())
			.param("code", categoryCode)
			.param("maxDepth", MAX_DEPTH)
			.param("grid", gridId)
			.param("area", areaId)
			.query(RoutingRules::rule)
			.list();
	}

	private Optional<Route> routeBy(CommunityId community, RoutingRule rule, AppealCategory category) {
		if (rule.assigneeUserId() == null) {
			return Optional.of(new Route(rule.departmentCode(), null, rule.id(), false, category.departmentCode()));
		}
		UserAccount assignee = this.users.get(community, rule.assigneeUserId());
		return assignee.enabled() ? Optional
			.of(new Route(assignee.departmentCode(), assignee.id(), rule.id(), false, category.departmentCode()))
				: Optional.empty();
	}

	private Place place(CommunityId community, long id, PlaceKind kind, String field, String code) {
		return this.places.find(community, id)
			.filter((place) -> place.kind() == kind)
			.orElseThrow(() -> new InvalidInput(field, code, id));
	}

}
