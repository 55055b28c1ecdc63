package org.anju.plans;

import java.util.List;

import org.anju.shared.CommunityId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan roles whose default holder has gone: for the coverage check (gap type
 * {@code PLAN_ROLE}). A plan is read at the version that would run: the approved one, or
 * while none is approved, the draft that will be.
 */
@Service
@Transactional(readOnly = true)
public class PlanRoleGaps {

	private final JdbcClient jdbc;

	PlanRoleGaps(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the gaps of the community, by plan and role; never {@literal null}
	 */
	public List<PlanRoleGap> of(CommunityId community) {
		return this.jdbc.sql("""
				select p.id, p.name_zh, v.number, r.role, u.id as user_id, u.display_name
				from contingency_plan p
				join plan_version v on v.community_id = p.community_id and v.plan_id = p.id
				join plan_role r on r.community_id = v.community_id and r.plan_id = v.plan_id and r.number = v.number
				join user_account u on u.community_id = r.community_id and u.id = r.default_user_id
				where p.community_id = :c and not u.enabled
				  and (v.state = 'APPROVED' or (v.state = 'DRAFT' and not exists (
				       select 1 from plan_version a
				       where a.community_id = v.community_id and a.plan_id = v.plan_id and a.state = 'APPROVED')))
				order by p.sort, p.id, r.role
				""")
			.param("c", community.value())
			.query((rs, row) -> new PlanRoleGap(rs.getLong("id"), rs.getString("name_zh"), rs.getInt("number"),
					PlanRole.valueOf(rs.getString("role")), rs.getLong("user_id"), rs.getString("display_name")))
			.list();
	}

}
