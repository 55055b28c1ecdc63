package org.anju.platform;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * With no {@code spring.datasource.url}, Anju runs on its own embedded PostgreSQL, so
 * that {@code ./mvnw spring-boot:run} needs nothing else on the machine.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseAutoConfiguration {

	@Bean
	DataSource dataSource(@Value("${anju.embedded-db.data-dir:./data/pg}") String dataDirectory,
			@Value("${anju.embedded-db.clean:false}") boolean clean,
			@Value("${anju.embedded-db.pool-size:20}") int poolSize) {
		DataSource embedded = EmbeddedPostgresServer.dataSource(Path.of(dataDirectory), clean);
		HikariConfig config = new HikariConfig();
		config.setDataSource(embedded);
		config.setPoolName("anju-embedded");
		config.setMaximumPoolSize(poolSize);
		config.setConnectionTimeout(5000);
		return new HikariDataSource(config);
	}

}
