package org.anju.shared;

import java.time.LocalDate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdNumberTests {

	private static final String VALID = "11010519491231002X";

	@Test
	void theStandardsExampleIsValidAndReadsAsAWomanBornOnNewYearsEve1949() {
		IdNumber id = IdNumber.parse(VALID);

		assertThat(id.value()).isEqualTo(VALID);
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(id.gender()).isEqualTo(Gender.FEMALE);
		assertThat(id.lastFour()).isEqualTo("002X");
	}

	@Test
	void theCheckCharacterIsIso7064Mod11_2() {
		// An independent, textbook form of ISO 7064 MOD 11-2 (iterated doubling), against
		// IdNumber's weight table, over bodies spread across the whole range.
		IntStream.range(0, 2000).forEach((i) -> {
			String body = String.format("%06d%011d", (i * 7919) % 1_000_000, i * 49_999_999L % 100_000_000_000L);
			assertThat(IdNumber.checkCharacter(body)).as(body).isEqualTo(iso7064(body));
		});
	}

	@Test
	void aWrongCheckDigitIsRefused() {
		assertThatThrownBy(() -> IdNumber.parse("110105194912310021")).isInstanceOfSatisfying(InvalidInput.class,
				(ex) -> assertThat(ex.violations()).singleElement()
					.satisfies((v) -> assertThat(v.code()).isEqualTo("idNumber.checkDigit")));
	}

	@Test
	void everyOtherCheckCharacterIsRefused() {
		String body = VALID.substring(0, 17);
		"0123456789".chars()
			.mapToObj((c) -> body + (char) c)
			.forEach((wrong) -> assertThatThrownBy(() -> IdNumber.parse(wrong)).as(wrong)
				.isInstanceOf(InvalidInput.class));
	}

	@Test
	void aLowerCaseXIsForgiven() {
		assertThat(IdNumber.parse("11010519491231002x").value()).isEqualTo(VALID);
	}

	@Test
	void fullWidthDigitsAreForgiven() {
		assertThat(IdNumber.parse("１１０１０５１９４９１２３１００２Ｘ").value()).isEqualTo(VALID);
	}

	@Test
	void spacesAnywhereAreForgiven() {
		assertThat(IdNumber.parse("  110105 19491231 002X\t").value()).isEqualTo(VALID);
	}

	@Test
	void aLegacyFifteenDigitNumberIsUpgradedWithItsCheckDigit() {
		// 15 digits: region, two-digit year, month, day and sequence, no check digit.
		IdNumber upgraded = IdNumber.parse("110105491231002");

		assertThat(upgraded.value()).isEqualTo(VALID);
		assertThat(upgraded.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
	}

	@Test
	void anUpgradedNumberGetsTheCheckDigitOfItsBody() {
		IdNumber upgraded = IdNumber.parse("430602850704123");

		assertThat(upgraded.value()).startsWith("43060219850704123");
		assertThat(upgraded.value().charAt(17)).isEqualTo(iso7064("43060219850704123"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "19900230", "19900231", "19900431", "19890229", "19901301", "19900001", "18700101" })
	void anImpossibleBirthDateIsRefusedEvenWithARightCheckDigit(String birth) {
		String body = "430602" + birth + "123";

		assertThatThrownBy(() -> IdNumber.parse(body + iso7064(body))).isInstanceOfSatisfying(InvalidInput.class,
				(ex) -> assertThat(ex.violations()).singleElement()
					.satisfies((v) -> assertThat(v.code()).isEqualTo("idNumber.birthDate")));
	}

	@Test
	void aBirthDateInTheFutureIsRefused() {
		String body = "430602" + LocalDate.now().plusYears(1).toString().replace("-", "") + "123";

		assertThatThrownBy(() -> IdNumber.parse(body + iso7064(body))).isInstanceOf(InvalidInput.class);
	}

	@Test
	void aLegacyNumberWithAnImpossibleBirthDateIsRefused() {
		assertThatThrownBy(() -> IdNumber.parse("430602900230123")).isInstanceOf(InvalidInput.class);
	}

	@Test
	void aLeapDayIsABirthDate() {
		String body = "43060219880229123";

		assertThat(IdNumber.parse(body + iso7064(body)).birthDate()).isEqualTo(LocalDate.of(1988, 2, 29));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1101051949123100", "1101051949123100211", "11010519491231002Y", "X1010519491231002",
			"1101051949123X0021", "11010519491231002XX" })
	void anythingElseIsAFormatError(String raw) {
		assertThatThrownBy(() -> IdNumber.parse(raw)).isInstanceOfSatisfying(InvalidInput.class,
				(ex) -> assertThat(ex.violations()).singleElement()
					.satisfies((v) -> assertThat(v.code()).isEqualTo("idNumber.format")));
	}

	@Test
	void anOddSeventeenthDigitIsAMan() {
		String body = "43060219850704123";

		assertThat(IdNumber.parse(body + iso7064(body)).gender()).isEqualTo(Gender.MALE);
	}

	@Test
	void anEvenSeventeenthDigitIsAWoman() {
		String body = "43060219850704120";

		assertThat(IdNumber.parse(body + iso7064(body)).gender()).isEqualTo(Gender.FEMALE);
	}

	@Test
	void maskingKeepsTheRegionAndTheLastFour() {
		assertThat(IdNumber.mask("430602198507041234")).isEqualTo("430602********1234");
		assertThat(IdNumber.parse(VALID).masked()).isEqualTo("110105********002X");
	}

	@Test
	void theNumberPrintsMasked() {
		assertThat(IdNumber.parse(VALID)).hasToString("110105********002X");
	}

	@Test
	void equalNumbersAreEqualHoweverTheyWereTyped() {
		assertThat(IdNumber.parse("11010519491231002x")).isEqualTo(IdNumber.parse("110105491231002"))
			.hasSameHashCodeAs(IdNumber.parse(VALID));
	}

	@Test
	void fixturesMakeValidDistinctNumbers() {
		String first = IdNumberFixtures.newIdNumber();
		String second = IdNumberFixtures.newIdNumber();

		assertThat(IdNumber.parse(first).value()).isEqualTo(first);
		assertThat(IdNumber.parse(second).value()).isNotEqualTo(first);
	}

	/**
	 * ISO 7064 MOD 11-2 by its definition: fold each digit in by doubling modulo 11, then
	 * pick the character that brings the total to 1.
	 */
	private static char iso7064(String digits) {
		int p = 0;
		for (char c : digits.toCharArray()) {
			p = ((p + (c - '0')) * 2) % 11;
		}
		int check = (12 - p) % 11;
		return (check == 10) ? 'X' : (char) ('0' + check);
	}

}
