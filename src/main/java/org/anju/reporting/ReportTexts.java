package org.anju.reporting;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The dashboard's and the monthly report's words, in the reader's language: one place
 * that every section and both report formats look their labels up in.
 */
@Component
class ReportTexts {

	private final MessageSource messages;

	ReportTexts(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * @throws org.springframework.context.NoSuchMessageException for a code no bundle
	 * has, so that a missing label fails loudly rather than show its code
	 */
	String text(String code, Locale locale, Object... args) {
		return this.messages.getMessage(code, args, locale);
	}

	/**
	 * @return the text, or {@code fallback} when no bundle has the code
	 */
	String textOr(String code, String fallback, Locale locale) {
		return this.messages.getMessage(code, null, fallback, locale);
	}

}
