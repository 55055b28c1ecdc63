package org.anju.care;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What putting a person on a special list takes. Every part is checked by
 * {@link SpecialLists#add}; {@code subCode} is needed for {@code NINE_SPECIAL} only.
 */
public record NewSpecialFlag(@Nullable Long personId, @Nullable SpecialList flag, @Nullable String subCode,
		@Nullable LocalDate since, @Nullable String source, @Nullable String note) {
}
