package org.anju.messaging;

import java.util.List;
import java.util.Map;

import org.anju.shared.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A template's text: placeholders from its allowed set, filled in one pass.
 */
class TemplateTextTests {

	private static final List<String> RECEIVED = List.of("community", "number", "dueDate");

	@Test
	void fillsEveryPlaceholderWithItsValue() {
		TemplateText text = TemplateText.parse("【{community}】您的诉求已受理，编号 {number}，我们将在 {dueDate} 前办结。", RECEIVED);

		String body = text.render(Map.of("community", "岳化社区", "number", "2026-000123", "dueDate", "2026-12-01"));

		assertThat(body).isEqualTo("【岳化社区】您的诉求已受理，编号 2026-000123，我们将在 2026-12-01 前办结。");
	}

	@Test
	void aValueThatLooksLikeAPlaceholderStaysAsTyped() {
		TemplateText text = TemplateText.parse("{number}: {community}", RECEIVED);

		assertThat(text.render(Map.of("number", "{community}", "community", "岳化"))).isEqualTo("{community}: 岳化");
	}

	@Test
	void valuesTheTextDoesNotUseAreIgnored() {
		TemplateText text = TemplateText.parse("编号 {number}", RECEIVED);

		assertThat(text.render(Map.of("number", "7", "reply", "不用"))).isEqualTo("编号 7");
	}

	@Test
	void aPlaceholderWithoutAValueIsRefusedByName() {
		TemplateText text = TemplateText.parse("{number} {dueDate}", RECEIVED);

		assertThatThrownBy(() -> text.render(Map.of("number", "7", "dueDate", " ")))
			.isInstanceOfSatisfying(InvalidInput.class, (ex) -> {
				assertThat(ex.violations().get(0).code()).isEqualTo("sms.value.missing");
				assertThat(ex.violations().get(0).args()).containsExactly("dueDate");
			});
	}

	@Test
	void aMessageLongerThan500CharactersIsRefused() {
		TemplateText text = TemplateText.parse("编号 {number}", RECEIVED);

		assertThat(text.render(Map.of("number", "9".repeat(497)))).hasSize(500);
		assertThatThrownBy(() -> text.render(Map.of("number", "9".repeat(498)))).isInstanceOfSatisfying(
				InvalidInput.class, (ex) -> assertThat(ex.violations().get(0).code()).isEqualTo("sms.body.tooLong"));
	}

	@Test
	void aPlaceholderOutsideTheAllowedSetIsRefused() {
		assertThatThrownBy(() -> TemplateText.parse("{number} {reply} {name}", RECEIVED))
			.isInstanceOfSatisfying(InvalidInput.class, (ex) -> {
				assertThat(ex.violations()).extracting(InvalidInput.Violation::code)
					.containsExactly("sms.template.unknownPlaceholder", "sms.template.unknownPlaceholder");
				assertThat(ex.violations().get(0).args()[0]).isEqualTo("reply");
				assertThat(ex.violations().get(1).args()[0]).isEqualTo("name");
			});
	}

	@Test
	void aStrayBraceIsRefused() {
		assertThatThrownBy(() -> TemplateText.parse("编号 {number", RECEIVED)).isInstanceOfSatisfying(InvalidInput.class,
				(ex) -> assertThat(ex.violations().get(0).code()).isEqualTo("sms.template.brace"));
		assertThatThrownBy(() -> TemplateText.parse("编号 { number }", RECEIVED)).isInstanceOf(InvalidInput.class);
	}

	@Test
	void anEmptyOrOverlongTemplateIsRefused() {
		assertThatThrownBy(() -> TemplateText.parse("  ", RECEIVED)).isInstanceOfSatisfying(InvalidInput.class,
				(ex) -> assertThat(ex.violations().get(0).code()).isEqualTo("sms.template.blank"));
		assertThatThrownBy(() -> TemplateText.parse("字".repeat(501), RECEIVED)).isInstanceOfSatisfying(
				InvalidInput.class,
				(ex) -> assertThat(ex.violations().get(0).code()).isEqualTo("sms.template.tooLong"));
	}

}
