package org.anju.platform;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * A where clause grown condition by condition, with its named parameters, so that a list
 * query binds only the filters a caller actually gave and the planner sees plain
 * predicates.
 */
public final class SqlFilter {

	private final StringBuilder sql;

	private final List<Object[]> params = new ArrayList<>();

	/**
	 * @param first the condition every query has, typically the tenant key
	 */
	public SqlFilter(String first) {
		this.sql = new StringBuilder(first);
	}

	public SqlFilter and(String condition) {
		this.sql.append(" and ").append(condition);
		return this;
	}

	/**
	 * Adds the condition and binds its one parameter only when the caller gave a value;
	 * an enum is bound by its name.
	 */
	public SqlFilter andIf(@Nullable Object value, String condition, String name) {
		if (value != null) {
			and(condition).param(name, (value instanceof Enum<?> constant) ? constant.name() : value);
		}
		return this;
	}

	public SqlFilter param(String name, Object value) {
		this.params.add(new Object[] { name, value });
		return this;
	}

	/**
	 * @return the conditions joined by {@code and}, without the word {@code where}
	 */
	public String where() {
		return this.sql.toString();
	}

	public StatementSpec bind(StatementSpec statement) {
		StatementSpec bound = statement;
		for (Object[] param : this.params) {
			bound = bound.param((String) param[0], param[1]);
		}
		return bound;
	}

}
