package org.anju.shared;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * A person's name as the registry keeps it: trimmed, inner spaces of Chinese names
 * removed, 1 to 50 characters. The middle dot of minority names (·) is kept.
 */
public record PersonName(String value) {

	private static final Pattern WHITESPACE = Pattern.compile("\\s");

	public PersonName {
		if (value.isBlank() || value.length() > 50) {
			throw new InvalidInput("name", "name.length");
		}
	}

	public static PersonName parse(String raw) {
		String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
		if (text.codePoints().anyMatch(Character::isIdeographic)) {
			text = WHITESPACE.matcher(text).replaceAll("");
		}
		if (text.codePoints().anyMatch(Character::isISOControl)) {
			throw new InvalidInput("name", "name.characters");
		}
		return new PersonName(text);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
