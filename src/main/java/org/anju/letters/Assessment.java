package org.anju.letters;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.anju.shared.Territory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A letter's assessment laid out once, in the reader's language, for every medium that
 * shows it: the console page, the xlsx and the PDF.
 */
@Component
class Assessment {

	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(Territory.ZONE);

	private final MessageSource messages;

	Assessment(MessageSource messages) {
		this.messages = messages;
	}

	Report of(Letter letter, Score score, Locale locale) {
		Letter.Version version = letter.versions().get(score.versionNumber() - 1);
		List<Fact> facts = new ArrayList<>();
		facts.add(new Fact(text("letters.report.letter", locale), letter.title()));
		facts.add(new Fact(text("letters.col.issuer", locale), letter.issuerName()));
		facts.add(new Fact(text("letters.col.recipient", locale), letter.recipient()));
		facts.add(new Fact(text("letters.col.period", locale), letter.from() + " — " + letter.to()));
		facts.add(new Fact(text("letters.col.version", locale), String.valueOf(version.number())));
		facts.add(new Fact(text("letters.col.signedBy", locale),
				(version.signedByName() != null) ? version.signedByName() + " · " + MOMENT.format(version.signedAt())
						: text("letters.page.unsigned", locale)));
		facts.add(new Fact(text("letters.col.score", locale),
				text("letters.page.total", locale, plain(score.total()), plain(score.max()))));
		if (score.vetoed()) {
			facts.add(new Fact(text("letters.kind.VETO", locale), text("letters.page.vetoed", locale)));
		}
		facts.add(new Fact(text("letters.report.generated", locale),
				score.frozen() ? text("letters.page.frozen", locale, MOMENT.format(score.computedAt()))
						: text("letters.page.live", locale, MOMENT.format(score.computedAt()))));
		List<String> columns = List.of(text("letters.col.metric", locale), text("letters.col.kind", locale),
				text("letters.col.threshold", locale), text("letters.col.value", locale),
				text("letters.col.met", locale), text("letters.col.misses", locale), text("letters.col.points", locale),
				text("letters.col.earned", locale));
		List<Line> lines = new ArrayList<>();
		List<Fact> evidence = new ArrayList<>();
		for (Score.Line line : score.lines()) {
			Target target = line.target();
			String metric = text("letters.metric." + target.metric(), locale);
			lines.add(new Line(line,
					List.of(metric, text("letters.kind." + target.kind(), locale),
							threshold(line.measure(), target.threshold()), value(line.measure(), line.figure().value()),
							text(line.met() ? "letters.page.yes" : "letters.page.no", locale),
							String.valueOf(line.misses()), plain(target.points()), plain(line.earned()))));
			for (Figure.Evidence row : line.figure().evidence()) {
				evidence.add(
						new Fact(metric, text("letters.evidence." + row.type(), locale) + " #" + row.id(), row.link()));
			}
		}
		return new Report(text("letters.report.title", locale), facts, columns, lines, evidence,
				text("letters.report.evidence", locale));
	}

	private static String threshold(Metric.Measure measure, BigDecimal threshold) {
		return (measure == Metric.Measure.RATE ? "≥ " + plain(threshold) + "%" : "≤ " + plain(threshold));
	}

	private String value(Metric.Measure measure, @Nullable BigDecimal value) {
		if (value == null) {
			return "—";
		}
		return (measure == Metric.Measure.RATE) ? plain(value) + "%" : plain(value);
	}

	static String plain(BigDecimal number) {
		return number.stripTrailingZeros().toPlainString();
	}

	private String text(String code, Locale locale, Object... args) {
		return this.messages.getMessage(code, args, locale);
	}

	/**
	 * The assessment as text.
	 *
	 * @param facts the letter's particulars and its total
	 * @param lines one per target, cells in the order of {@code columns}
	 * @param evidence the rows behind the figures: the metric, the row and its page
	 */
	record Report(String title, List<Fact> facts, List<String> columns, List<Line> lines, List<Fact> evidence,
			String evidenceTitle) {
	}

	/**
	 * A label and its value, with the console page behind it when there is one.
	 */
	record Fact(String label, String value, @Nullable String link) {

		Fact(String label, String value) {
			this(label, value, null);
		}

	}

	/**
	 * A target's cells, and the line they were written from.
	 */
	record Line(Score.Line source, List<String> cells) {
	}

}
