package org.anju;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Citus rule, read from the live catalogue: every domain table has
 * {@code community_id}, and it comes first in every primary key, unique constraint, index
 * and foreign key.
 */
@AnjuSpringTest
class SchemaRulesTests {

	/**
	 * The declared exceptions. docs/SCALING.md mirrors this list: change both together.
	 * Framework tables belong to Flyway, Spring Modulith and Spring Session; reference
	 * tables are small and global.
	 */
	static final Set<String> EXCEPTIONS = Set.of(
			// framework tables
			"flyway_schema_history", "event_publication", "event_publication_archive", "spring_session",
			"spring_session_attributes",
			// reference tables
			"community", "account_directory", "calendar_year", "calendar_day");

	private static final String TABLES_WITHOUT_COMMUNITY = """
			select t.table_name from information_schema.tables t
			where t.table_schema = current_schema() and t.table_type = 'BASE TABLE'
			  and not exists (select 1 from information_schema.columns c
			                  where c.table_schema = t.table_schema and c.table_name = t.table_name
			                    and c.column_name = 'community_id')
			order by 1
			""";

	private static final String INDEXES_NOT_LEADING_WITH_COMMUNITY = """
			select t.relname || '.' || i.relname || ' starts with ' || coalesce(a.attname, 'an expression')
			from pg_index x
			join pg_class i on i.oid = x.indexrelid
			join pg_class t on t.oid = x.indrelid
			join pg_namespace n on n.oid = t.relnamespace
			left join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]
			where n.nspname = current_schema()
			  and a.attname is distinct from 'community_id'
			order by 1
			""";

	private static final String CONSTRAINTS_NOT_LEADING_WITH_COMMUNITY = """
			select t.relname || '.' || k.conname || ' (' || k.contype::text || ') starts with ' || a.attname
			from pg_constraint k
			join pg_class t on t.oid = k.conrelid
			join pg_namespace n on n.oid = t.relnamespace
			join pg_attribute a on a.attrelid = t.oid and a.attnum = k.conkey[1]
			where n.nspname = current_schema() and k.contype in ('p', 'u', 'f')
			  and a.attname <> 'community_id'
			order by 1
			""";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void everyDomainTableHasTheCommunity() {
		assertThat(tablesWithoutCommunity()).isEmpty();
	}

	@Test
	void everyIndexOfADomainTableStartsWithTheCommunity() {
		// Primary keys and unique constraints are indexes too, so this covers them.
		assertThat(indexesNotLeadingWithCommunity()).isEmpty();
	}

	@Test
	void everyKeyAndForeignKeyOfADomainTableStartsWithTheCommunity() {
		assertThat(constraintsNotLeadingWithCommunity()).isEmpty();
	}

	@Test
	void theDeclaredExceptionsExist() {
		List<String> tables = this.jdbc
			.sql("select table_name from information_schema.tables where table_schema = current_schema()")
			.query(String.class)
			.list();

		assertThat(tables).contains("flyway_schema_history", "event_publication", "spring_session",
				"spring_session_attributes", "community", "account_directory", "audit_chain_head", "calendar_year",
				"calendar_day");
	}

	@Test
	void theRulesCatchATableThatBreaksThem() {
		this.transaction.executeWithoutResult((status) -> {
			status.setRollbackOnly();
			this.jdbc.sql("create table lint_probe_plain (id bigint primary key)").update();
			this.jdbc.sql("create table lint_probe_late (id bigint primary key, community_id bigint)").update();
			this.jdbc.sql("create index lint_probe_late_lower on lint_probe_late (lower(id::text))").update();

			assertThat(tablesWithoutCommunity()).containsExactly("lint_probe_plain");
			assertThat(indexesNotLeadingWithCommunity()).containsExactlyInAnyOrder(
					"lint_probe_late.lint_probe_late_lower starts with an expression",
					"lint_probe_late.lint_probe_late_pkey starts with id",
					"lint_probe_plain.lint_probe_plain_pkey starts with id");
			assertThat(constraintsNotLeadingWithCommunity()).containsExactlyInAnyOrder(
					"lint_probe_late.lint_probe_late_pkey (p) starts with id",
					"lint_probe_plain.lint_probe_plain_pkey (p) starts with id");
		});
	}

	@Test
	void theDatabaseClassifiesCharactersAsUtf8SoThatChineseSearchWorks() {
		String ctype = this.jdbc.sql("select datctype from pg_database where datname = current_database()")
			.query(String.class)
			.single();
		String[] trigrams = this.jdbc.sql("select show_trgm('张三丰')")
			.query((rs, n) -> (String[]) rs.getArray(1).getArray())
			.single();

		assertThat(ctype).matches("(?i).*utf-?8.*");
		assertThat(trigrams).isNotEmpty();
	}

	private List<String> tablesWithoutCommunity() {
		return this.jdbc.sql(TABLES_WITHOUT_COMMUNITY)
			.query(String.class)
			.list()
			.stream()
			.filter((table) -> !EXCEPTIONS.contains(table))
			.toList();
	}

	private List<String> indexesNotLeadingWithCommunity() {
		return this.jdbc.sql(INDEXES_NOT_LEADING_WITH_COMMUNITY)
			.query(String.class)
			.list()
			.stream()
			.filter((index) -> !EXCEPTIONS.contains(index.substring(0, index.indexOf('.'))))
			.toList();
	}

	private List<String> constraintsNotLeadingWithCommunity() {
		return this.jdbc.sql(CONSTRAINTS_NOT_LEADING_WITH_COMMUNITY)
			.query(String.class)
			.list()
			.stream()
			.filter((constraint) -> !EXCEPTIONS.contains(constraint.substring(0, constraint.indexOf('.'))))
			.toList();
	}

}
