package org.anju.surveys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The questionnaire editor's text form: one question a line, {@code 类型|题目|选项1;选项2}, the
 * type as its code or its Chinese name (评分, 单选, 多选, 文字), and a leading {@code ?} on the
 * text for a question that may be left blank. Staff write and read it without any script.
 */
final class QuestionLines {

	private static final Map<String, QuestionType> NAMES = Map.of("评分", QuestionType.RATING, "单选", QuestionType.SINGLE,
			"多选", QuestionType.MULTIPLE, "文字", QuestionType.TEXT);

	private QuestionLines() {
	}

	static List<SurveyForm.QuestionForm> read(String text) {
		List<SurveyForm.QuestionForm> questions = new ArrayList<>();
		for (String line : text.split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.split("[|｜]", 3);
			String question = (parts.length > 1) ? parts[1].strip() : "";
			boolean optional = question.startsWith("?") || question.startsWith("？");
			List<String> options = (parts.length > 2)
					? Arrays.stream(parts[2].split("[;；]")).map(String::strip).filter((o) -> !o.isEmpty()).toList()
					: List.of();
			questions.add(new SurveyForm.QuestionForm(type(parts[0].strip()),
					optional ? question.substring(1).strip() : question, options, !optional));
		}
		return questions;
	}

	static String write(List<Question> questions) {
		StringBuilder text = new StringBuilder();
		for (Question question : questions) {
			String name = NAMES.entrySet()
				.stream()
				.filter((entry) -> entry.getValue() == question.type())
				.map(Map.Entry::getKey)
				.findFirst()
				.orElseThrow();
			text.append(name).append('|').append(question.required() ? "" : "?").append(question.text());
			if (!question.options().isEmpty()) {
				text.append('|').append(String.join(";", question.options()));
			}
			text.append('\n');
		}
		return text.toString();
	}

	private static @Nullable QuestionType type(String token) {
		if (NAMES.containsKey(token)) {
			return NAMES.get(token);
		}
		try {
			return QuestionType.valueOf(token.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
