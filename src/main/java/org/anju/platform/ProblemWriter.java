package org.anju.platform;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Writes problem+json from filters (security, idempotency, a database out of reach),
 * where no controller advice reaches.
 */
@Component
public class ProblemWriter {

	private final ObjectMapper json;

	private final MessageSource messages;

	private final LocaleResolver locales;

	ProblemWriter(ObjectMapper json, MessageSource messages, LocaleResolver locales) {
		this.json = json;
		this.messages = messages;
		this.locales = locales;
	}

	/**
	 * @param type the problem type's last segment, such as {@code database-unavailable}
	 * @param code the message code of the detail; shown as it is when no bundle has it
	 * @param extra further members, such as {@code errors}
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
			String code, Map<String, Object> extra) throws IOException {
		Locale locale = this.locales.resolveLocale(request);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage(code, null, code, locale));
		problem.setType(URI.create(ProblemAnswers.TYPE_BASE + type));
		problem.setTitle(
				this.messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale));
		extra.forEach(problem::setProperty);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
