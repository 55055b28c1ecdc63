package org.anju.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anju.shared.IdNumber;
import org.anju.shared.Phone;

/**
 * Finds ID numbers and mobile phones in free text and masks them.
 */
final class LogMask {

	private static final Pattern SENSITIVE = Pattern
		.compile("(?<![0-9])(\\d{17}[0-9Xx]|\\d{15}|1[3-9]\\d{9})(?![0-9])");

	private LogMask() {
	}

	static String apply(String text) {
		Matcher matcher = SENSITIVE.matcher(text);
		if (!matcher.find()) {
			return text;
		}
		StringBuilder masked = new StringBuilder();
		do {
			String value = matcher.group(1);
			matcher.appendReplacement(masked, (value.length() == 11) ? Phone.mask(value) : IdNumber.mask(value));
		}
		while (matcher.find());
		matcher.appendTail(masked);
		return masked.toString();
	}

}
