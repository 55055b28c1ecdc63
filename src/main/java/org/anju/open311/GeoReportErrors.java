package org.anju.open311;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.anju.shared.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers every failure of the GeoReport endpoints in the spec's error format, an array
 * of {@code {code, description}} ({@code <errors><error>..} in XML), in the format the
 * resource asked for, instead of the problem+json of {@code /api/v1}.
 */
@RestControllerAdvice(assignableTypes = GeoReportApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class GeoReportErrors {

	private static final Logger log = LoggerFactory.getLogger(GeoReportErrors.class);

	/**
	 * The appeal's field names that an Open311 request fills, by the parameter that fills
	 * them.
	 */
	private static final Map<String, String> PARAMETERS = Map.of("caller.name", "first_name", "caller.phone", "phone",
			"title", "description", "description", "description", "categoryCode", "service_code");

	private final MessageSource messages;

	private final ObjectMapper json;

	GeoReportErrors(MessageSource messages, ObjectMapper json) {
		this.messages = messages;
		this.json = json;
	}

	@ExceptionHandler
	ResponseEntity<String> refused(GeoReportError ex, HttpServletRequest request) {
		List<GeoReportDocument.Struct> errors = ex.problems()
			.stream()
			.map((problem) -> error(ex.status().value(), text(problem.code(), problem.args())))
			.toList();
		return answer(request, ex.status(), errors, ex.retryAfterSeconds());
	}

	@ExceptionHandler
	ResponseEntity<String> invalid(InvalidInput ex, HttpServletRequest request) {
		List<GeoReportDocument.Struct> errors = ex.violations()
			.stream()
			.map((v) -> error(400, PARAMETERS.getOrDefault(v.field(), v.field()) + ": " + text(v.code(), v.args())))
			.toList();
		return answer(request, HttpStatus.BAD_REQUEST, errors, 0);
	}

	/**
	 * The spec answers 400 for anything that fails while a request is processed; the
	 * cause is logged for us, not shown to the client.
	 */
	@ExceptionHandler
	ResponseEntity<String> failed(Exception ex, HttpServletRequest request) {
		log.error("Open311 request {} {} failed", request.getMethod(), request.getRequestURI(), ex);
		return answer(request, HttpStatus.BAD_REQUEST, List.of(error(400, text("open311.error.general"))), 0);
	}

	private ResponseEntity<String> answer(HttpServletRequest request, HttpStatus status,
			List<GeoReportDocument.Struct> errors, long retryAfterSeconds) {
		GeoReportDocument.Format format = GeoReportApi.format(request);
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(format.mediaType());
		if (retryAfterSeconds > 0) {
			answer.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		}
		return answer.body(
				new GeoReportDocument("errors", new GeoReportDocument.Items("error", errors)).write(format, this.json));
	}

	private static GeoReportDocument.Struct error(int code, String description) {
		return GeoReportDocument.Struct.builder().add("code", code).add("description", description).build();
	}

	private String text(String code, Object... args) {
		return this.messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

}
