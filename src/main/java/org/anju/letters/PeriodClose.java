package org.anju.letters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.anju.shared.Refused;

import org.springframework.context.MessageSource;

/**
 * What closing a whole period did: the letters closed, each with its frozen total, and
 * those left open with the reason.
 *
 * @param year the year the letters' periods start in
 */
record PeriodClose(int year, List<Closed> closed, List<Skipped> skipped) {

	PeriodClose {
		closed = List.copyOf(closed);
		skipped = List.copyOf(skipped);
	}

	/**
	 * A letter closed, with its frozen assessment's figures.
	 */
	record Closed(long id, String title, String recipient, BigDecimal total, BigDecimal max, boolean vetoed) {
	}

	/**
	 * A letter left as it was.
	 *
	 * @param to the last day of its period
	 */
	record Skipped(long id, String title, String recipient, LocalDate to, Reason reason) {

		/**
		 * @return the reason in words: what closing this letter alone is refused with
		 */
		String message(MessageSource messages, Locale locale) {
			Refused refusal = this.reason.refused(this.title, this.to);
			return messages.getMessage(refusal.code(), refusal.args(), locale);
		}

	}

	/**
	 * Why a letter cannot be closed; closing it alone is refused for the same reason.
	 */
	enum Reason {

		/** Closed before: its assessment is frozen already. */
		CLOSED_ALREADY,
		/** Its period has not ended. */
		PERIOD_RUNS,
		/** No version was ever signed: there is nothing agreed to assess. */
		UNSIGNED;

		/**
		 * @return the refusal that closing the letter alone answers with
		 */
		Refused refused(String title, LocalDate to) {
			return switch (this) {
				case CLOSED_ALREADY -> new Refused("letters.closed", title);
				case PERIOD_RUNS -> new Refused("letters.close.early", to);
				case UNSIGNED -> new Refused("letters.close.unsigned");
			};
		}

	}

}
