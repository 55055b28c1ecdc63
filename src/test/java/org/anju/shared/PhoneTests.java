package org.anju.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneTests {

	@Test
	void aMobileIsElevenDigitsStartingWithOne() {
		Phone phone = Phone.parse("13812345678");

		assertThat(phone.value()).isEqualTo("13812345678");
		assertThat(phone.isMobile()).isTrue();
		assertThat(phone.lastFour()).isEqualTo("5678");
	}

	@Test
	void aMobileIsMaskedInTheMiddle() {
		assertThat(Phone.parse("13812345678").masked()).isEqualTo("138****5678");
		assertThat(Phone.mask("13812345678")).isEqualTo("138****5678");
		assertThat(Phone.parse("13812345678")).hasToString("138****5678");
	}

	@Test
	void aLandlineKeepsItsAreaCode() {
		Phone phone = Phone.parse("0730-8123456");

		assertThat(phone.value()).isEqualTo("0730-8123456");
		assertThat(phone.isMobile()).isFalse();
		assertThat(phone.lastFour()).isEqualTo("3456");
		assertThat(phone.masked()).isEqualTo("0730-***3456");
	}

	@Test
	void anAreaCodeInParenthesesBecomesTheDashedForm() {
		assertThat(Phone.parse("(0730)8123456").value()).isEqualTo("0730-8123456");
		assertThat(Phone.parse("（0730）8123456").value()).isEqualTo("0730-8123456");
	}

	@Test
	void aThreeDigitAreaCodeAndAnExtensionAreLandlines() {
		assertThat(Phone.parse("010-12345678").value()).isEqualTo("010-12345678");
		assertThat(Phone.parse("0730-8123456-802").value()).isEqualTo("0730-8123456-802");
		// the last four digits run over the extension's dash
		assertThat(Phone.parse("0730-8123456-802").lastFour()).isEqualTo("6802");
		assertThat(Phone.parse("0730-8123456-2").lastFour()).isEqualTo("4562");
	}

	@ParameterizedTest
	@ValueSource(strings = { "+8613812345678", "+86 138 1234 5678", "138 1234 5678", "１３８１２３４５６７８" })
	void theCountryCodeSpacesAndFullWidthDigitsAreForgiven(String raw) {
		assertThat(Phone.parse(raw).value()).isEqualTo("13812345678");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1380013", "138001380001", "12812345678", "23812345678", "8123456", "0730-81234", "phone",
			"138-1234-5678x", "" })
	void anythingElseIsRefusedWithAFormatError(String raw) {
		assertThatThrownBy(() -> Phone.parse(raw)).isInstanceOfSatisfying(InvalidInput.class,
				(ex) -> assertThat(ex.violations()).singleElement().satisfies((v) -> {
					assertThat(v.field()).isEqualTo("phone");
					assertThat(v.code()).isEqualTo("phone.format");
				}));
	}

	@Test
	void samePhonesAreEqual() {
		assertThat(Phone.parse("+86 13812345678")).isEqualTo(Phone.parse("13812345678"))
			.hasSameHashCodeAs(Phone.parse("13812345678"));
	}

}
