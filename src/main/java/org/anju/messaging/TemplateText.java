package org.anju.messaging;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anju.shared.InvalidInput;

/**
 * The text of a template: literal text with placeholders such as {@code {number}}, each
 * one of the template's allowed names. Braces serve only as placeholders, so a stray one
 * is a mistake, not text.
 */
final class TemplateText {

	/** What a carrier still delivers as one long message; longer texts are refused. */
	static final int MAX_LENGTH = 500;

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

	private final String body;

	private final Set<String> placeholders;

	private TemplateText(String body, Set<String> placeholders) {
		this.body = body;
		this.placeholders = placeholders;
	}

	/**
	 * @throws InvalidInput (field {@code bodyZh}) when the text is blank or too long, has
	 * a stray brace, or names a placeholder outside {@code allowed}
	 */
	static TemplateText parse(String body, List<String> allowed) {
		String text = body.strip();
		if (text.isEmpty()) {
			throw new InvalidInput("bodyZh", "sms.template.blank");
		}
		if (text.length() > MAX_LENGTH) {
			throw new InvalidInput("bodyZh", "sms.template.tooLong", MAX_LENGTH, text.length());
		}
		Set<String> used = new LinkedHashSet<>();
		List<InvalidInput.Violation> violations = new ArrayList<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			String name = matcher.group(1);
			used.add(name);
			if (!allowed.contains(name)) {
				violations.add(new InvalidInput.Violation("bodyZh", "sms.template.unknownPlaceholder", name,
						String.join(", ", allowed)));
			}
		}
		String rest = matcher.replaceAll("");
		if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0) {
			violations.add(new InvalidInput.Violation("bodyZh", "sms.template.brace"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		return new TemplateText(text, used);
	}

	String body() {
		return this.body;
	}

	/**
	 * Fills every placeholder in one pass, so that a value that itself looks like a
	 * placeholder stays as typed. Values the text does not use are ignored.
	 * @throws InvalidInput when a placeholder has no value, or the message is too long
	 */
	String render(Map<String, String> values) {
		List<String> missing = this.placeholders.stream()
			.filter((name) -> values.get(name) == null || values.get(name).isBlank())
			.toList();
		if (!missing.isEmpty()) {
			throw new InvalidInput("values", "sms.value.missing", String.join(", ", missing));
		}
		String text = PLACEHOLDER.matcher(this.body)
			.replaceAll((match) -> Matcher.quoteReplacement(values.get(match.group(1)).strip()));
		if (text.length() > MAX_LENGTH) {
			throw new InvalidInput("values", "sms.body.tooLong", MAX_LENGTH, text.length());
		}
		return text;
	}

}
