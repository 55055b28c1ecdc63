package org.anju.surveys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The questionnaire editor's form as typed, kept whole between requests: adding, moving
 * or removing a question re-shows the form from these values without writing anything,
 * and so does a save that is refused, so that nothing typed is lost. Options are typed
 * one a line. The type stays as sent, so that even a value the editor does not offer
 * comes back to be corrected.
 */
class QuestionnaireDraft {

	private static final Pattern STEP = Pattern.compile("(add|remove|up|down):([A-Z]+|\\d+)");

	private @Nullable Long id;

	private @Nullable Long version;

	private @Nullable ServiceLine serviceLine;

	private @Nullable String title;

	private @Nullable String description;

	private List<Row> questions = new ArrayList<>();

	/**
	 * @return the draft of a questionnaire's newest version
	 */
	static QuestionnaireDraft of(Survey survey) {
		QuestionnaireDraft draft = new QuestionnaireDraft();
		draft.id = survey.id();
		draft.version = survey.version();
		draft.serviceLine = survey.serviceLine();
		draft.title = survey.latest().title();
		draft.description = survey.latest().description();
		for (Question question : survey.latest().questions()) {
			Row row = new Row();
			row.type = question.type().name();
			row.text = question.text();
			row.options = String.join("\n", question.options());
			row.required = question.required();
			draft.questions.add(row);
		}
		return draft;
	}

	/**
	 * A new questionnaire starts with one rating question.
	 */
	static QuestionnaireDraft blank() {
		QuestionnaireDraft draft = new QuestionnaireDraft();
		draft.apply("add:" + QuestionType.RATING.name());
		return draft;
	}

	/**
	 * Takes one editing step: {@code add:TYPE} appends a question of that type,
	 * {@code remove:i}, {@code up:i} and {@code down:i} act on the question at index
	 * {@code i}. A step that makes no sense here (an unknown type, an index out of range,
	 * moving the first question up) changes nothing.
	 */
	void apply(String step) {
		Matcher matcher = STEP.matcher(step);
		if (!matcher.matches()) {
			return;
		}
		String what = matcher.group(2);
		if (matcher.group(1).equals("add")) {
			if (Arrays.stream(QuestionType.values()).anyMatch((type) -> type.name().equals(what))
					&& this.questions.size() < Surveys.MAX_QUESTIONS) {
				Row row = new Row();
				row.type = what;
				this.questions.add(row);
			}
			return;
		}
		int i = what.chars().allMatch(Character::isDigit) && what.length() < 4 ? Integer.parseInt(what) : -1;
		if (i < 0 || i >= this.questions.size()) {
			return;
		}
		switch (matcher.group(1)) {
			case "remove" -> this.questions.remove(i);
			case "up" -> {
				if (i > 0) {
					Collections.swap(this.questions, i, i - 1);
				}
			}
			default -> {
				if (i < this.questions.size() - 1) {
					Collections.swap(this.questions, i, i + 1);
				}
			}
		}
	}

	/**
	 * @return the form the service checks: blank lines of options dropped, an unknown
	 * type as none
	 */
	SurveyForm toForm() {
		List<SurveyForm.QuestionForm> asked = new ArrayList<>();
		for (Row row : this.questions) {
			QuestionType type = Arrays.stream(QuestionType.values())
				.filter((t) -> t.name().equals(row.type))
				.findFirst()
				.orElse(null);
			List<String> options = (row.options == null) ? List.of()
					: row.options.lines().map(String::strip).filter((o) -> !o.isEmpty()).toList();
			asked.add(new SurveyForm.QuestionForm(type, row.text, options, row.required));
		}
		return new SurveyForm(this.serviceLine, this.title, this.description, asked);
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public void setId(@Nullable Long id) {
		this.id = id;
	}

	public @Nullable Long getVersion() {
		return this.version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}

	public @Nullable ServiceLine getServiceLine() {
		return this.serviceLine;
	}

	public void setServiceLine(@Nullable ServiceLine serviceLine) {
		this.serviceLine = serviceLine;
	}

	public @Nullable String getTitle() {
		return this.title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable String getDescription() {
		return this.description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	public List<Row> getQuestions() {
		return this.questions;
	}

	public void setQuestions(List<Row> questions) {
		this.questions = questions;
	}

	/**
	 * One question as typed.
	 */
	public static class Row {

		private @Nullable String type;

		private @Nullable String text;

		private @Nullable String options;

		private boolean required = true;

		public @Nullable String getType() {
			return this.type;
		}

		public void setType(@Nullable String type) {
			this.type = type;
		}

		public @Nullable String getText() {
			return this.text;
		}

		public void setText(@Nullable String text) {
			this.text = text;
		}

		public @Nullable String getOptions() {
			return this.options;
		}

		public void setOptions(@Nullable String options) {
			this.options = options;
		}

		public boolean isRequired() {
			return this.required;
		}

		public void setRequired(boolean required) {
			this.required = required;
		}

	}

}
