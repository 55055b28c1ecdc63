package org.anju.organisation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.audit.AuditTrail;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The community's service departments, and who heads each (部门负责人): a post of the
 * organisation held by one account, which identity names by id.
 */
@Service
@Transactional(readOnly = true)
public class Departments {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	Departments(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * @return the departments in their usual order, never {@literal null}
	 */
	public List<Department> all(CommunityId community) {
		return this.jdbc
			.sql("select code, name_zh, name_en from department where community_id = :c order by sort, code")
			.param("c", community.value())
			.query(Department.class)
			.list();
	}

	public Optional<Department> find(CommunityId community, String code) {
		return this.jdbc.sql("select code, name_zh, name_en from department where community_id = :c and code = :code")
			.param("c", community.value())
			.param("code", code)
			.query(Department.class)
			.optional();
	}

	/**
	 * @return the account that heads the department, if someone was appointed
	 */
	public Optional<Long> head(CommunityId community, String code) {
		return this.jdbc.sql(
				"select head_user_id from department where community_id = :c and code = :code and head_user_id is not null")
			.param("c", community.value())
			.param("code", code)
			.query(Long.class)
			.optional();
	}

	/**
	 * Appoints the department's head, or with {@code null} leaves the post empty.
	 * @throws NotFound when the community has no such department
	 * @throws InvalidInput when the community has no such account
	 */
	@Transactional
	public void appointHead(CommunityId community, String code, @Nullable Long userId) {
		int updated;
		try {
			updated = this.jdbc
				.sql("update department set head_user_id = :user where community_id = :c and code = :code")
				.param("user", userId)
				.param("c", community.value())
				.param("code", code)
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw new InvalidInput("userId", "department.head.unknown", String.valueOf(userId));
		}
		if (updated == 0) {
			throw new NotFound("department", code);
		}
		Map<String, Object> detail = new HashMap<>();
		detail.put("headUserId", userId);
		this.audit.record(community, "DEPARTMENT_HEAD_APPOINTED", "DEPARTMENT", code, detail);
	}

}
