package org.anju.platform;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last word when the database goes away in the middle of a request, outside the reach
 * of the controllers' advice: in the session, security and idempotency filters, or on a
 * connection cut while a statement ran. The caller gets 503 and a problem+json that says
 * so, never a 500 or a stack trace; the log gets one line. Hikari hands out fresh
 * connections by itself once the database is back, so the next request after that is
 * served again with no restart (the fault suite's {@code DatabaseOutageTests}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutage extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

	private final ProblemWriter problems;

	DatabaseOutage(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!unreachable(ex) || response.isCommitted()) {
				throw ex;
			}
			log.error("Database unavailable while serving {} {}: {}", request.getMethod(), request.getRequestURI(),
					ex.getMessage());
			answer(request, response);
		}
	}

	private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.resetBuffer();
		response.setHeader("Retry-After", "5");
		this.problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
				"problem.databaseUnavailable", Map.of());
	}

	/**
	 * Whether the failure is the database being out of reach: no connection to be had, or
	 * the connection lost or cut by a shutdown (SQL states 08… and 57P…), or a commit or
	 * rollback that failed on such a connection (and hides the failure that made it roll
	 * back).
	 */
	static boolean unreachable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TransactionSystemException ending && (ending.getCause() instanceof SQLException
					|| ending.getApplicationException() != null && unreachable(ending.getApplicationException()))) {
				// a commit or rollback that failed in the driver: the connection died
				return true;
			}
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
			if (cause.getCause() == cause) {
				return false;
			}
		}
		return false;
	}

}
