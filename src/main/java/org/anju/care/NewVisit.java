package org.anju.care;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What recording a care visit takes. Codes and the date arrive as text and are checked
 * with the rest, so that every broken rule is named at once.
 *
 * @param date the day of the visit, {@code YYYY-MM-DD}, not after today
 * @param visitorIds the staff accounts who went, one to ten
 * @param reason a {@link VisitReason} code
 * @param mood a mood code ({@code CALM}, {@code CONCERNED}, {@code DISSATISFIED},
 * {@code AGITATED}), filed as a mood note about the person
 * @param moodNote what the person feels and talks about, for the mood note; the condition
 * when left out
 */
public record NewVisit(@Nullable Long personId, @Nullable String date, List<Long> visitorIds, @Nullable String reason,
		List<Gift> gifts, @Nullable String condition, @Nullable String mood, @Nullable String moodNote,
		List<Need> needs) {

	public NewVisit {
		visitorIds = (visitorIds != null) ? List.copyOf(visitorIds) : List.of();
		gifts = (gifts != null) ? List.copyOf(gifts) : List.of();
		needs = (needs != null) ? List.copyOf(needs) : List.of();
	}

	/**
	 * Goods (慰问品) at their value, or money (慰问金), in yuan with at most two decimals.
	 */
	public record Gift(@Nullable String item, @Nullable BigDecimal amountYuan) {
	}

	/**
	 * A need found; with {@code createAppeal} it becomes an appeal of that category.
	 */
	public record Need(@Nullable String text, boolean createAppeal, @Nullable String categoryCode) {
	}

}
