package org.anju.identity;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Writes problem+json from the security filters, where no controller advice reaches.
 */
@Component
class ProblemWriter {

	private final ObjectMapper json;

	private final MessageSource messages;

	ProblemWriter(ObjectMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
	}

	void write(HttpServletResponse response, HttpStatus status, String type, String code, Map<String, Object> extra)
			throws IOException {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				this.messages.getMessage(code, null, code, LocaleContextHolder.getLocale()));
		problem.setType(URI.create("https://anju.org/problems/" + type));
		problem.setTitle(this.messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(),
				LocaleContextHolder.getLocale()));
		extra.forEach(problem::setProperty);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
