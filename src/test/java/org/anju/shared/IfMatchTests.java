package org.anju.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IfMatchTests {

	@ParameterizedTest
	@ValueSource(strings = { "\"7\"", "7", " 7 ", "W/\"7\"" })
	void quotedBareAndWeakVersionsAreAllAccepted(String header) {
		assertThat(IfMatch.parse(header).version()).isEqualTo(7);
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "  " })
	void aMissingHeaderIsAMissingPrecondition(String header) {
		assertThatThrownBy(() -> IfMatch.parse(header)).isInstanceOf(PreconditionRequired.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "seven", "\"7a\"", "*", "\"\"" })
	void aHeaderWithoutAVersionIsInvalid(String header) {
		assertThatThrownBy(() -> IfMatch.parse(header)).isInstanceOfSatisfying(InvalidInput.class,
				(ex) -> assertThat(ex.violations()).singleElement().satisfies((v) -> {
					assertThat(v.field()).isEqualTo("If-Match");
					assertThat(v.code()).isEqualTo("ifMatch.format");
				}));
	}

	@Test
	void theETagOfAVersionIsItQuoted() {
		assertThat(IfMatch.etag(7)).isEqualTo("\"7\"");
		assertThat(IfMatch.parse(IfMatch.etag(12)).version()).isEqualTo(12);
	}

}
