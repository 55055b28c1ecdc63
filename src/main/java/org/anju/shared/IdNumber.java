package org.anju.shared;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * A mainland national ID number (居民身份证号码) per GB 11643-1999: 17 digits and an ISO 7064
 * MOD 11-2 check character. Gender and birth date are read from it, never typed. A legacy
 * 15-digit number is upgraded to 18 on parsing.
 */
public final class IdNumber {

	private static final Pattern EIGHTEEN = Pattern.compile("\\d{17}[\\dX]");

	private static final Pattern FIFTEEN = Pattern.compile("\\d{15}");

	private static final Pattern SPACE = Pattern.compile("\\s");

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = "10X98765432".toCharArray();

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final String value;

	private IdNumber(String value) {
		this.value = value;
	}

	/**
	 * Parses what a person typed or a spreadsheet held: surrounding and inner spaces,
	 * full-width digits and a lower-case x are forgiven.
	 * @throws InvalidInput with code {@code idNumber.format}, {@code idNumber.checkDigit}
	 * or {@code idNumber.birthDate}
	 */
	public static IdNumber parse(String raw) {
		String text = SPACE.matcher(Normalizer.normalize(raw, Normalizer.Form.NFKC)).replaceAll("").toUpperCase();
		if (FIFTEEN.matcher(text).matches()) {
			String body = text.substring(0, 6) + "19" + text.substring(6);
			return checked(body + checkCharacter(body));
		}
		if (!EIGHTEEN.matcher(text).matches()) {
			throw new InvalidInput("idNumber", "idNumber.format");
		}
		if (checkCharacter(text.substring(0, 17)) != text.charAt(17)) {
			throw new InvalidInput("idNumber", "idNumber.checkDigit");
		}
		return checked(text);
	}

	private static IdNumber checked(String value) {
		LocalDate birth;
		try {
			birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
					Integer.parseInt(value.substring(12, 14)));
		}
		catch (DateTimeException ex) {
			throw new InvalidInput("idNumber", "idNumber.birthDate");
		}
		// A day later than today in China is as impossible as 30 February.
		if (birth.getYear() < 1880 || birth.isAfter(LocalDate.now(CHINA))) {
			throw new InvalidInput("idNumber", "idNumber.birthDate");
		}
		return new IdNumber(value);
	}

	/**
	 * @return the ISO 7064 MOD 11-2 check character for the first 17 digits of a number
	 */
	public static char checkCharacter(String seventeenDigits) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (seventeenDigits.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	/**
	 * @return the full 18 characters; only for storage and an audited unmask
	 */
	public String value() {
		return this.value;
	}

	public LocalDate birthDate() {
		return LocalDate.of(Integer.parseInt(this.value.substring(6, 10)),
				Integer.parseInt(this.value.substring(10, 12)), Integer.parseInt(this.value.substring(12, 14)));
	}

	public Gender gender() {
		return (this.value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
	}

	public String lastFour() {
		return this.value.substring(14);
	}

	/**
	 * @return the number as anyone may see it: {@code 430602********1234}
	 */
	public String masked() {
		return mask(this.value);
	}

	/**
	 * Masks a stored 18-character number without parsing it again.
	 */
	public static String mask(String value) {
		if (value.length() < 10) {
			return "*".repeat(value.length());
		}
		return value.substring(0, 6) + "*".repeat(value.length() - 10) + value.substring(value.length() - 4);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof IdNumber that && this.value.equals(that.value);
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
