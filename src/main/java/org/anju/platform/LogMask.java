package org.anju.platform;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anju.shared.IdNumber;
import org.anju.shared.Phone;

/**
 * Finds ID numbers and mobile phones in free text and masks them: in log lines, and in
 * free text that leaves for somewhere it would be seen out of context, such as an
 * appeal's title in a notification.
 */
public final class LogMask {

	// A mobile may be written with the country code run into it (+8613812345678).
	private static final Pattern SENSITIVE = Pattern
		.compile("(?<![0-9])(\\d{17}[0-9Xx]|\\d{15}|(86)?(1[3-9]\\d{9}))(?![0-9])");

	private LogMask() {
	}

	/**
	 * @return the text with every ID number and mobile in it masked
	 */
	public static String apply(String text) {
		Matcher matcher = SENSITIVE.matcher(text);
		if (!matcher.find()) {
			return text;
		}
		StringBuilder masked = new StringBuilder();
		do {
			String mobile = matcher.group(3);
			String replacement = (mobile != null) ? ((matcher.group(2) != null) ? "86" : "") + Phone.mask(mobile)
					: IdNumber.mask(matcher.group(1));
			matcher.appendReplacement(masked, replacement);
		}
		while (matcher.find());
		matcher.appendTail(masked);
		return masked.toString();
	}

}
