package org.anju.appeals;

import org.jspecify.annotations.Nullable;

/**
 * What an editor sets on a category. Missing values are reported by the rules, field by
 * field, like values out of range.
 */
public record CategoryForm(@Nullable String parentCode, @Nullable String nameZh, @Nullable String nameEn,
		@Nullable String departmentCode, @Nullable Integer limitDays, @Nullable Integer warningPercent,
		boolean callbackRequired, boolean active) {

}
