package org.anju.organisation;

import java.util.List;
import java.util.Optional;

import org.anju.shared.CommunityId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The community's service departments.
 */
@Service
@Transactional(readOnly = true)
public class Departments {

	private final JdbcClient jdbc;

	Departments(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

}
