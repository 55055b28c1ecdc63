package org.anju.platform;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

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
			@Value("${anju.embedded-db.pool-size:0}") int poolSize,
			@Value("${anju.embedded-db.durable:true}") boolean durable) {
		Path directory = Path.of(dataDirectory);
		HikariConfig config = new HikariConfig();
		config.setDataSource(EmbeddedPostgresServer.dataSource(directory, clean, durable));
		config.setPoolName("anju-embedded");
		// The database runs on the same cores: more connections than it can serve at once
		// only make them queue inside it. On 2 cores, 8 instead of 20 took appeal intake
		// from 192 to 301 a second and its CPU per appeal from 6.9 to 5.2 ms
		// (bin/bench-appeals, docs/BENCHMARKS.md).
		config.setMaximumPoolSize(
				(poolSize > 0) ? poolSize : Math.max(8, 4 * Runtime.getRuntime().availableProcessors()));
		config.setConnectionTimeout(5000);
		return new EmbeddedPool(config, directory);
	}

	/**
	 * A pool that lets its server go when it closes, so that the server stops only after
	 * the application that used it.
	 */
	static final class EmbeddedPool extends HikariDataSource {

		private final Path directory;

		private final AtomicBoolean released = new AtomicBoolean();

		EmbeddedPool(HikariConfig config, Path directory) {
			super(config);
			this.directory = directory;
		}

		@Override
		public void close() {
			super.close();
			if (this.released.compareAndSet(false, true)) {
				EmbeddedPostgresServer.release(this.directory);
			}
		}

	}

}
