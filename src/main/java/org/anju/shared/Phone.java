package org.anju.shared;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * A mainland phone number: an 11-digit mobile starting with 1 ({@code 13800138000}), or a
 * landline with its area code ({@code 0730-8123456}).
 */
public final class Phone {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final Pattern SPACE = Pattern.compile("\\s");

	private static final Pattern AREA_CODE_IN_BRACKETS = Pattern.compile("^\\((0\\d{2,3})\\)");

	private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-\\d{7,8}(-\\d{1,6})?");

	private final String value;

	private Phone(String value) {
		this.value = value;
	}

	/**
	 * Parses a typed or spreadsheet value. Spaces, full-width digits, a {@code +86}
	 * prefix and landline separators such as parentheses are forgiven.
	 * @throws InvalidInput with code {@code phone.format}
	 */
	public static Phone parse(String raw) {
		String text = SPACE.matcher(Normalizer.normalize(raw, Normalizer.Form.NFKC)).replaceAll("");
		if (text.startsWith("+86")) {
			text = text.substring(3);
		}
		if (MOBILE.matcher(text).matches()) {
			return new Phone(text);
		}
		String landline = AREA_CODE_IN_BRACKETS.matcher(text).replaceFirst("$1-");
		if (LANDLINE.matcher(landline).matches()) {
			return new Phone(landline);
		}
		throw new InvalidInput("phone", "phone.format", raw);
	}

	public String value() {
		return this.value;
	}

	public boolean isMobile() {
		return MOBILE.matcher(this.value).matches();
	}

	public String lastFour() {
		return lastFour(this.value);
	}

	/**
	 * The last four digits of a stored number, over a landline's dashes, without parsing
	 * it again: an import asks this of every row.
	 */
	public static String lastFour(String value) {
		char[] last = new char[4];
		int found = 0;
		for (int i = value.length() - 1; i >= 0 && found < 4; i--) {
			char c = value.charAt(i);
			if (c != '-') {
				last[3 - found++] = c;
			}
		}
		return new String(last);
	}

	/**
	 * @return {@code 138****5678} for a mobile, {@code 0730-***3456} for a landline
	 */
	public String masked() {
		return mask(this.value);
	}

	/**
	 * Masks a stored number without parsing it again.
	 */
	public static String mask(String value) {
		if (MOBILE.matcher(value).matches()) {
			return value.substring(0, 3) + "****" + value.substring(7);
		}
		int dash = value.indexOf('-');
		String prefix = (dash > 0) ? value.substring(0, dash + 1) : "";
		String local = value.substring(prefix.length());
		if (local.length() <= 4) {
			return prefix + "*".repeat(local.length());
		}
		return prefix + "*".repeat(local.length() - 4) + local.substring(local.length() - 4);
	}

	/**
	 * Masks a value that is a mobile number and leaves any other text as it is: a
	 * resident's username is their mobile, a staff member's never is.
	 */
	public static String maskIfMobile(String value) {
		return MOBILE.matcher(value).matches() ? mask(value) : value;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Phone that && this.value.equals(that.value);
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return masked();
	}

}
