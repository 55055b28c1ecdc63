package org.anju.stability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.anju.shared.InvalidInput;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;

/**
 * What the domain refused on a console form of the key-person and sensitive-date pages,
 * in the user's language: each field's message to show next to its input, the rest above
 * the form, and the status to answer with.
 *
 * @param form the form that failed, so that the page opens it again
 */
record FormFailure(String form, Map<String, String> fields, List<String> general, HttpStatus status) {

	/**
	 * @throws RuntimeException {@code problem} itself when it is none of the refusals a
	 * form shows
	 */
	static FormFailure of(String form, RuntimeException problem, MessageSource messages, Locale locale) {
		Map<String, String> fields = new LinkedHashMap<>();
		List<String> general = new ArrayList<>();
		HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
		if (problem instanceof InvalidInput invalid) {
			for (InvalidInput.Violation violation : invalid.violations()) {
				fields.merge(violation.field(),
						messages.getMessage(violation.code(), violation.args(), violation.code(), locale),
						(first, second) -> first + " " + second);
			}
		}
		else if (problem instanceof Refused refused) {
			status = HttpStatus.CONFLICT;
			general.add(messages.getMessage(refused.code(), refused.args(), refused.code(), locale));
		}
		else if (problem instanceof StaleVersion) {
			status = HttpStatus.PRECONDITION_FAILED;
			general.add(messages.getMessage("keyPerson.stale", null, locale));
		}
		else {
			throw problem;
		}
		return new FormFailure(form, fields, general, status);
	}

}
