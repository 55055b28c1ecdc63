package org.anju.letters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anju.letters.LetterForm.TargetForm;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A letter as typed into the console, kept as typed so that a refused form comes back in
 * full: one target row per metric, each sent to the service only when ticked. The new
 * letter form uses the letter's fields; the edit form uses {@code note}, {@code version}
 * (the row version read, for If-Match) and the rows.
 */
class LetterDraft {

	private static final Pattern TARGET = Pattern.compile("^targets\\[(\\d+)]");

	private @Nullable String title;

	private @Nullable Long issuerUnitId;

	private @Nullable Long recipientUnitId;

	private @Nullable Long recipientPostId;

	private @Nullable Integer year;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate from;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate to;

	private @Nullable String note;

	private long version;

	private List<Row> targets = new ArrayList<>();

	/**
	 * @return a row per metric with its usual target, every row ticked
	 */
	static LetterDraft fresh(List<Metric> metrics, int year) {
		LetterDraft draft = new LetterDraft();
		draft.year = year;
		metrics.forEach((metric) -> draft.targets.add(Row.usual(metric)));
		return draft;
	}

	/**
	 * @return the rows of the letter's latest version, then an unticked row with the
	 * usual target for each metric it does not bind
	 */
	static LetterDraft of(Letter letter, List<Metric> metrics) {
		LetterDraft draft = new LetterDraft();
		draft.version = letter.version();
		for (Target target : letter.current().targets()) {
			draft.targets.add(new Row(true, target.metric(), target.kind().name(), plain(target.threshold()),
					plain(target.points()), plain(target.deduction())));
		}
		metrics.stream()
			.filter((metric) -> letter.current().targets().stream().noneMatch((t) -> t.metric().equals(metric.code())))
			.forEach((metric) -> {
				Row row = Row.usual(metric);
				row.setIncluded(false);
				draft.targets.add(row);
			});
		return draft;
	}

	/**
	 * @return the number as a person writes it: 90 rather than 90.00 or 9E+1
	 */
	private static BigDecimal plain(BigDecimal number) {
		return new BigDecimal(number.stripTrailingZeros().toPlainString());
	}

	LetterForm letter() {
		return new LetterForm(this.title, this.issuerUnitId, this.recipientUnitId, this.recipientPostId, this.year,
				this.from, this.to, included());
	}

	/**
	 * @return the ticked rows, as the service takes them
	 */
	List<TargetForm> included() {
		return this.targets.stream()
			.filter(Row::isIncluded)
			.map((row) -> new TargetForm(row.metric, row.kind, row.threshold, row.points, row.deduction))
			.toList();
	}

	/**
	 * @return the same violations, those of the n-th ticked target named by its row
	 */
	InvalidInput onRows(InvalidInput problem) {
		List<Integer> rows = new ArrayList<>();
		for (int i = 0; i < this.targets.size(); i++) {
			if (this.targets.get(i).isIncluded()) {
				rows.add(i);
			}
		}
		return new InvalidInput(problem.violations().stream().map((violation) -> {
			Matcher matcher = TARGET.matcher(violation.field());
			if (!matcher.find()) {
				return violation;
			}
			int row = rows.get(Integer.parseInt(matcher.group(1)));
			return new Violation(matcher.replaceFirst("targets[" + row + "]"), violation.code(), violation.args());
		}).toList());
	}

	public @Nullable String getTitle() {
		return this.title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable Long getIssuerUnitId() {
		return this.issuerUnitId;
	}

	public void setIssuerUnitId(@Nullable Long issuerUnitId) {
		this.issuerUnitId = issuerUnitId;
	}

	public @Nullable Long getRecipientUnitId() {
		return this.recipientUnitId;
	}

	public void setRecipientUnitId(@Nullable Long recipientUnitId) {
		this.recipientUnitId = recipientUnitId;
	}

	public @Nullable Long getRecipientPostId() {
		return this.recipientPostId;
	}

	public void setRecipientPostId(@Nullable Long recipientPostId) {
		this.recipientPostId = recipientPostId;
	}

	public @Nullable Integer getYear() {
		return this.year;
	}

	public void setYear(@Nullable Integer year) {
		this.year = year;
	}

	public @Nullable LocalDate getFrom() {
		return this.from;
	}

	public void setFrom(@Nullable LocalDate from) {
		this.from = from;
	}

	public @Nullable LocalDate getTo() {
		return this.to;
	}

	public void setTo(@Nullable LocalDate to) {
		this.to = to;
	}

	public @Nullable String getNote() {
		return this.note;
	}

	public void setNote(@Nullable String note) {
		this.note = note;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public List<Row> getTargets() {
		return this.targets;
	}

	public void setTargets(List<Row> targets) {
		this.targets = targets;
	}

	/**
	 * One target row as typed.
	 */
	public static class Row {

		private boolean included;

		private @Nullable String metric;

		private @Nullable String kind;

		private @Nullable BigDecimal threshold;

		private @Nullable BigDecimal points;

		private @Nullable BigDecimal deduction;

		public Row() {
		}

		Row(boolean included, String metric, String kind, BigDecimal threshold, BigDecimal points,
				BigDecimal deduction) {
			this.included = included;
			this.metric = metric;
			this.kind = kind;
			this.threshold = threshold;
			this.points = points;
			this.deduction = deduction;
		}

		/**
		 * The usual target: a rate of 90 % (screening reports all on time), a count of
		 * none; 10 points less 2 a miss, and collective incidents a veto.
		 */
		static Row usual(Metric metric) {
			boolean rate = metric.measure() == Metric.Measure.RATE;
			boolean veto = "COLLECTIVE_APPEALS".equals(metric.code());
			BigDecimal threshold = !rate ? BigDecimal.ZERO
					: BigDecimal.valueOf("ON_TIME_SCREENING".equals(metric.code()) ? 100 : 90);
			return new Row(true, metric.code(), (veto ? Target.Kind.VETO : Target.Kind.SCORED).name(), threshold,
					BigDecimal.TEN, veto ? BigDecimal.ZERO : BigDecimal.valueOf(2));
		}

		public boolean isIncluded() {
			return this.included;
		}

		public void setIncluded(boolean included) {
			this.included = included;
		}

		public @Nullable String getMetric() {
			return this.metric;
		}

		public void setMetric(@Nullable String metric) {
			this.metric = metric;
		}

		public @Nullable String getKind() {
			return this.kind;
		}

		public void setKind(@Nullable String kind) {
			this.kind = kind;
		}

		public @Nullable BigDecimal getThreshold() {
			return this.threshold;
		}

		public void setThreshold(@Nullable BigDecimal threshold) {
			this.threshold = threshold;
		}

		public @Nullable BigDecimal getPoints() {
			return this.points;
		}

		public void setPoints(@Nullable BigDecimal points) {
			this.points = points;
		}

		public @Nullable BigDecimal getDeduction() {
			return this.deduction;
		}

		public void setDeduction(@Nullable BigDecimal deduction) {
			this.deduction = deduction;
		}

	}

}
