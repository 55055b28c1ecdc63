package org.anju.stability;

import org.jspecify.annotations.Nullable;

/**
 * What designating a key person takes, as text so that every broken rule is named at
 * once.
 *
 * @param grade the initial grade, {@code A}, {@code B} or {@code C}, until the warning
 * engine computes one
 * @param explanation why that grade; by default the reason
 * @param responsibleUserId the staff member who keeps in touch with the person
 */
public record NewKeyPerson(@Nullable Long personId, @Nullable String reason, @Nullable String grade,
		@Nullable String explanation, @Nullable Long responsibleUserId) {
}
