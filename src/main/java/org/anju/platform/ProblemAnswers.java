package org.anju.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.anju.shared.BadParameter;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.anju.shared.PreconditionRequired;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.anju.shared.UploadRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Turns what went wrong into RFC 9457 problem+json, in the caller's language, with the
 * status codes of the API conventions. No answer carries a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(0)
public class ProblemAnswers {

	/** The base of every problem type this API answers with. */
	public static final String TYPE_BASE = "https://anju.org/problems/";

	private static final Logger log = LoggerFactory.getLogger(ProblemAnswers.class);

	private final MessageSource messages;

	ProblemAnswers(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalid(InvalidInput ex) {
		List<Map<String, String>> errors = ex.violations()
			.stream()
			.map((v) -> Map.of("field", v.field(), "message", text(v.code(), v.args())))
			.toList();
		return answer(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", text("problem.invalidInput"),
				Map.of("errors", errors));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> badParameter(BadParameter ex) {
		InvalidInput.Violation first = ex.violations().get(0);
		return badParameter(first.field(), text(first.code(), first.args()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NotFound ex) {
		return answer(HttpStatus.NOT_FOUND, "not-found", text("problem.notFound"), Map.of());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(Refused ex) {
		return answer(HttpStatus.CONFLICT, "illegal-transition", text(ex.code(), ex.args()), Map.of());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> stale(StaleVersion ex) {
		return answer(HttpStatus.PRECONDITION_FAILED, "stale-version", text("problem.staleVersion"),
				Map.of("currentVersion", ex.currentVersion()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> preconditionRequired(PreconditionRequired ex) {
		return answer(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", text("problem.ifMatchRequired"), Map.of());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> upload(UploadRejected ex) {
		return answer(ex.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				ex.tooLarge() ? "upload-too-large" : "unsupported-upload", text(ex.code(), ex.args()), Map.of());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex) {
		return answer(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", text("upload.tooLarge", 20), Map.of());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JsonBodyLimit.TooLarge tooLarge) {
				return answer(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
						text("problem.bodyTooLarge", tooLarge.maxKilobytes()), Map.of());
			}
		}
		return answer(HttpStatus.BAD_REQUEST, "malformed-request", text("problem.malformedJson"), Map.of());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> beanValidation(MethodArgumentNotValidException ex) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach((error) -> errors.add(Map.of("field", error.getField(), "message",
					this.messages.getMessage(error, LocaleContextHolder.getLocale()))));
		return answer(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", text("problem.invalidInput"),
				Map.of("errors", errors));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> parameterValidation(HandlerMethodValidationException ex) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((result) -> result.getResolvableErrors()
				.forEach((error) -> errors.add(Map.of("field", result.getMethodParameter().getParameterName() + "",
						"message", this.messages.getMessage(error, LocaleContextHolder.getLocale())))));
		return answer(HttpStatus.BAD_REQUEST, "bad-parameter", text("problem.badParameter"), Map.of("errors", errors));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return badParameter(ex.getName(), text("problem.parameterType", ex.getName(), String.valueOf(ex.getValue())));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException ex) {
		return badParameter(ex.getParameterName(), text("problem.parameterMissing", ex.getParameterName()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException ex) {
		return badParameter(ex.getRequestPartName(), text("problem.parameterMissing", ex.getRequestPartName()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException ex) {
		if ("If-Match".equalsIgnoreCase(ex.getHeaderName())) {
			return preconditionRequired(new PreconditionRequired());
		}
		return badParameter(ex.getHeaderName(), text("problem.parameterMissing", ex.getHeaderName()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException ex) {
		return answer(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", text("problem.methodNotAllowed"), Map.of());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException ex) {
		return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", text("problem.mediaType"), Map.of());
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class })
	ResponseEntity<ProblemDetail> databaseDown(Exception ex, HttpServletRequest request) {
		log.error("Database unavailable while serving {} {}: {}", request.getMethod(), request.getRequestURI(),
				ex.getMessage());
		return answer(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", text("problem.databaseUnavailable"),
				Map.of());
	}

	/**
	 * Any other database error: the caller gets problem+json without the error's text,
	 * which may quote a key such as an ID number; the log gets the whole of it, masked.
	 */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> databaseError(DataAccessException ex, HttpServletRequest request) {
		log.error("Database error while serving {} {}", request.getMethod(), request.getRequestURI(), ex);
		return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", text("problem.internalError"), Map.of());
	}

	private ResponseEntity<ProblemDetail> badParameter(String field, String message) {
		return answer(HttpStatus.BAD_REQUEST, "bad-parameter", message,
				Map.of("errors", List.of(Map.of("field", field, "message", message))));
	}

	private ResponseEntity<ProblemDetail> answer(HttpStatus status, String type, String detail,
			Map<String, Object> properties) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(text("problem.title." + status.value()));
		properties.forEach(problem::setProperty);
		return ResponseEntity.status(status)
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private String text(String code, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(code, args, code, locale);
	}

}
