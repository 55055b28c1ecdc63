package org.anju.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonNameTests {

	@Test
	void spacesInsideAChineseNameAreDropped() {
		assertThat(PersonName.parse("  张 三\u3000丰 ").value()).isEqualTo("张三丰");
	}

	@Test
	void theMiddleDotOfAMinorityNameIsKept() {
		assertThat(PersonName.parse(" 阿依古丽·买买提 ").value()).isEqualTo("阿依古丽·买买提");
	}

	@Test
	void aLatinNameKeepsItsInnerSpace() {
		assertThat(PersonName.parse(" John Smith ").value()).isEqualTo("John Smith");
	}

	@Test
	void fullWidthLettersBecomeOrdinaryOnes() {
		assertThat(PersonName.parse("ＡＢＣ").value()).isEqualTo("ABC");
	}

	@Test
	void fiftyCharactersAreAllowed() {
		assertThat(PersonName.parse("张".repeat(50)).value()).hasSize(50);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "\u3000" })
	void aBlankNameIsRefused(String raw) {
		assertRefused(raw, "name.length");
	}

	@Test
	void fiftyOneCharactersAreTooMany() {
		assertRefused("张".repeat(51), "name.length");
	}

	@Test
	void controlCharactersAreRefused() {
		assertRefused("张\u0007三", "name.characters");
		assertRefused("Li\u0000Lei", "name.characters");
	}

	private static void assertRefused(String raw, String code) {
		assertThatThrownBy(() -> PersonName.parse(raw)).isInstanceOfSatisfying(InvalidInput.class,
				(ex) -> assertThat(ex.violations()).singleElement().satisfies((v) -> {
					assertThat(v.field()).isEqualTo("name");
					assertThat(v.code()).isEqualTo(code);
				}));
	}

}
