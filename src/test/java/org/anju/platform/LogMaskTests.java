package org.anju.platform;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class LogMaskTests {

	@Test
	void anIdNumberInFreeTextIsMasked() {
		assertThat(LogMask.apply("registered 11010519491231002X in room 12"))
			.isEqualTo("registered 110105********002X in room 12");
	}

	@Test
	void anIdNumberWithALowerCaseXIsMasked() {
		assertThat(LogMask.apply("id=11010519491231002x;")).isEqualTo("id=110105********002x;");
	}

	@Test
	void aLegacyFifteenDigitNumberIsMasked() {
		assertThat(LogMask.apply("old 110105491231002 number")).doesNotContain("110105491231002")
			.contains("110105*****1002");
	}

	@Test
	void aMobileInFreeTextIsMasked() {
		assertThat(LogMask.apply("call 13812345678, then")).isEqualTo("call 138****5678, then");
	}

	@Test
	void aMobileWithTheCountryCodeIsMasked() {
		assertThat(LogMask.apply("tel:+8613812345678")).isEqualTo("tel:+86138****5678");
		assertThat(LogMask.apply("tel:8613812345678")).isEqualTo("tel:86138****5678");
		assertThat(LogMask.apply("tel:+86 13812345678")).isEqualTo("tel:+86 138****5678");
	}

	@Test
	void aDatabaseErrorQuotingAKeyIsMasked() {
		String error = "ERROR: duplicate key value violates unique constraint \"person_community_id_id_number_key\"\n"
				+ "  Detail: Key (community_id, id_number)=(1, 430602198507041234) already exists.";

		assertThat(LogMask.apply(error)).contains("(1, 430602********1234)").doesNotContain("430602198507041234");
	}

	@Test
	void severalValuesOnOneLineAreAllMasked() {
		assertThat(LogMask.apply("13812345678/11010519491231002X/13987654321"))
			.isEqualTo("138****5678/110105********002X/139****4321");
	}

	@ParameterizedTest
	@ValueSource(strings = { "took 1234 ms", "port 54321", "epoch 1714567890123", "12812345678", "1381234567",
			"138123456789", "1101051949123100211", "1234567890123456", "order 2026-000123", "user id 42",
			"0730-8123456", "" })
	void otherNumbersAreLeftAlone(String text) {
		assertThat(LogMask.apply(text)).isEqualTo(text);
	}

}
