package org.anju.stability;

import org.jspecify.annotations.Nullable;

/**
 * Filters of the key-person list; each is optional.
 *
 * @param grade the effective grade
 * @param overdue only those whose next contact is past due
 * @param gridId the grid the person lives in
 * @param ended whether to list those who stopped being key persons instead of the current
 * ones
 */
public record KeyPersonQuery(@Nullable Grade grade, @Nullable Long responsibleUserId, boolean overdue,
		@Nullable Long gridId, boolean ended) {
}
