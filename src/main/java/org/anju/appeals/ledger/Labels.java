package org.anju.appeals.ledger;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

/**
 * The words a ledger shows for states, channels, satisfaction and flags, in one language,
 * and back: an office's ledger names them in words, not codes.
 */
final class Labels {

	private final MessageSource messages;

	private final Locale locale;

	Labels(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	Locale locale() {
		return this.locale;
	}

	String of(Enum<?> value) {
		return text("ledger." + value.getDeclaringClass().getSimpleName() + "." + value.name());
	}

	String text(String code, Object... args) {
		return this.messages.getMessage(code, args, code, this.locale);
	}

	/**
	 * @return the constant whose code, Chinese or English word the text is, or
	 * {@literal null}
	 */
	static <E extends Enum<E>> @Nullable E parse(Class<E> type, String text, MessageSource messages) {
		String key = text.strip();
		for (E value : type.getEnumConstants()) {
			String code = "ledger." + type.getSimpleName() + "." + value.name();
			if (value.name().equalsIgnoreCase(key) || key.equals(messages.getMessage(code, null, "", Locale.CHINESE))
					|| key.equalsIgnoreCase(messages.getMessage(code, null, "", Locale.ENGLISH))) {
				return value;
			}
		}
		return null;
	}

}
