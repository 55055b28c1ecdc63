package org.anju.platform;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Sends the heavy reads, the dashboard and the report downloads, to a PostgreSQL
 * streaming replica when one is configured ({@code anju.datasource.replica.url}, with
 * {@code .username}, {@code .password} and {@code .pool-size}), so that a leader's
 * dashboard during an incident takes nothing from the primary that takes the appeals in.
 * <p>
 * A read goes to the replica when three things hold: the request is a GET of one of
 * {@code anju.datasource.replica.paths} (default the dashboard and the reports), the
 * transaction is read-only (Spring's {@link LazyConnectionDataSourceProxy} picks the
 * connection only at the first statement, when it knows that), and the replica has
 * replayed the caller's own latest write. For that last, each successful write request
 * notes the primary's WAL position under the caller's name, and a routed read first asks
 * the replica whether it has replayed that far: if not, the read goes to the primary. So
 * a user always sees what they wrote themselves; others' writes reach the dashboard with
 * the replica's lag. The positions live in each node's memory: behind a load balancer
 * without sticky sessions, a read on another node right after a write may be that lag
 * behind. Everything else, Flyway's migrations first of all, uses the primary alone.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("anju.datasource.replica.url")
class ReplicaReads {

	private static final Logger log = LoggerFactory.getLogger(ReplicaReads.class);

	@Bean
	static Replica replica(Environment environment) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(environment.getRequiredProperty("anju.datasource.replica.url"));
		config.setUsername(environment.getProperty("anju.datasource.replica.username",
				environment.getProperty("spring.datasource.username", "")));
		config.setPassword(environment.getProperty("anju.datasource.replica.password",
				environment.getProperty("spring.datasource.password", "")));
		config.setMaximumPoolSize(environment.getProperty("anju.datasource.replica.pool-size", Integer.class, 4));
		config.setReadOnly(true);
		config.setPoolName("anju-replica");
		config.setConnectionTimeout(5000);
		// The application starts whether or not the replica is up; reads fall back to
		// the primary while it is not.
		config.setInitializationFailTimeout(-1);
		List<PathPattern> paths = List
			.of(environment.getProperty("anju.datasource.replica.paths", String[].class,
					new String[] { "/api/v1/dashboard", "/dashboard", "/api/v1/reports/**", "/reports/**" }))
			.stream()
			.map(PathPatternParser.defaultInstance::parse)
			.toList();
		log.info("Dashboard and report reads go to the replica at {}", config.getJdbcUrl());
		return new Replica(new HikariDataSource(config), paths);
	}

	@Bean
	static BeanPostProcessor replicaRouting(ObjectProvider<Replica> replica) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if ("dataSource".equals(name) && bean instanceof DataSource primary
						&& !(bean instanceof LazyConnectionDataSourceProxy)) {
					return replica.getObject().routing(primary);
				}
				return bean;
			}
		};
	}

	@Bean
	FilterRegistrationBean<ReplicaRequests> replicaRequests(Replica replica) {
		// after the security filters, which name the caller
		FilterRegistrationBean<ReplicaRequests> registration = new FilterRegistrationBean<>(
				new ReplicaRequests(replica));
		registration.setOrder(0);
		return registration;
	}

	/** The replica's pool, the paths it serves, and each caller's latest write. */
	static final class Replica implements DisposableBean {

		private final HikariDataSource pool;

		private final List<PathPattern> paths;

		/** The primary's WAL position after each caller's latest write, by username. */
		private final Map<String, String> writes = new ConcurrentHashMap<>();

		private final ThreadLocal<Boolean> routed = ThreadLocal.withInitial(() -> false);

		private @Nullable DataSource primary;

		Replica(HikariDataSource pool, List<PathPattern> paths) {
			this.pool = pool;
			this.paths = paths;
		}

		DataSource routing(DataSource primary) {
			this.primary = primary;
			LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy(primary);
			proxy.setReadOnlyDataSource(new Choice(primary));
			return proxy;
		}

		boolean serves(HttpServletRequest request) {
			if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
				return false;
			}
			PathContainer path = PathContainer.parsePath(request.getRequestURI());
			return this.paths.stream().anyMatch((pattern) -> pattern.matches(path));
		}

		void noteWrite(String caller) {
			DataSource writer = this.primary;
			if (writer == null) {
				return;
			}
			try (Connection connection = writer.getConnection();
					Statement statement = connection.createStatement();
					ResultSet position = statement.executeQuery("select pg_current_wal_lsn()::text")) {
				position.next();
				this.writes.put(caller, position.getString(1));
			}
			catch (SQLException ex) {
				// the caller's next routed read cannot be checked: it goes to the primary
				this.writes.put(caller, "FFFFFFFF/FFFFFFFF");
				log.debug("Could not note the WAL position after a write of {}: {}", caller, ex.getMessage());
			}
		}

		/**
		 * A connection to the replica if this read may go there and the replica has
		 * replayed the caller's latest write; otherwise null.
		 */
		@Nullable Connection replicaConnection() {
			if (!this.routed.get()) {
				return null;
			}
			String caller = caller();
			String written = (caller != null) ? this.writes.get(caller) : null;
			try {
				Connection connection = this.pool.getConnection();
				if (written == null || replayed(connection, written)) {
					if (written != null) {
						this.writes.remove(caller, written);
					}
					return connection;
				}
				connection.close();
				return null;
			}
			catch (SQLException ex) {
				log.warn("Replica unavailable, reading from the primary: {}", ex.getMessage());
				return null;
			}
		}

		private static boolean replayed(Connection connection, String position) throws SQLException {
			try (PreparedStatement statement = connection
				.prepareStatement("select coalesce(pg_last_wal_replay_lsn() >= cast(? as pg_lsn), false)")) {
				statement.setString(1, position);
				try (ResultSet answer = statement.executeQuery()) {
					return answer.next() && answer.getBoolean(1);
				}
			}
		}

		private static @Nullable String caller() {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			return (authentication != null) ? authentication.getName() : null;
		}

		@Override
		public void destroy() {
			this.pool.close();
		}

		/**
		 * The read-only side of the routing: the replica when it may, else the primary.
		 */
		private final class Choice extends AbstractDataSource {

			private final DataSource primary;

			Choice(DataSource primary) {
				this.primary = primary;
			}

			@Override
			public Connection getConnection() throws SQLException {
				Connection replica = replicaConnection();
				return (replica != null) ? replica : this.primary.getConnection();
			}

			@Override
			public Connection getConnection(String username, String password) throws SQLException {
				return getConnection();
			}

		}

	}

	/**
	 * Marks the reads a request may send to the replica, and notes the WAL position after
	 * each successful write request.
	 */
	static final class ReplicaRequests extends OncePerRequestFilter {

		private final Replica replica;

		ReplicaRequests(Replica replica) {
			this.replica = replica;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			boolean read = this.replica.serves(request);
			this.replica.routed.set(read);
			try {
				chain.doFilter(request, response);
			}
			finally {
				this.replica.routed.remove();
			}
			String caller = Replica.caller();
			if (!read && caller != null && !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
					&& response.getStatus() < 400) {
				this.replica.noteWrite(caller);
			}
		}

	}

}
