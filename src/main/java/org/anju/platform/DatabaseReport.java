package org.anju.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Says at start-up which database Anju runs on, and warns when its character type is not
 * UTF-8: under the plain C locale pg_trgm treats Chinese characters as non-words and name
 * search silently finds nothing.
 */
@Component
class DatabaseReport implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DatabaseReport.class);

	private final JdbcClient jdbc;

	DatabaseReport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		String version = this.jdbc.sql("show server_version").query(String.class).single();
		String ctype = this.jdbc.sql("select datctype from pg_database where datname = current_database()")
			.query(String.class)
			.single();
		String where = this.jdbc.sql(
				"select current_database() || ' on ' || coalesce(inet_server_addr()::text, 'local socket') || ':' || current_setting('port')")
			.query(String.class)
			.single();
		log.info("Database: PostgreSQL {} ({}), ctype {}", version, where, ctype);
		if (!ctype.toUpperCase().replace("-", "").contains("UTF8")) {
			log.warn("The database's ctype is {}, not UTF-8: Chinese name search will find nothing."
					+ " Create the database with LC_CTYPE C.UTF-8 or zh_CN.UTF-8.", ctype);
		}
	}

}
