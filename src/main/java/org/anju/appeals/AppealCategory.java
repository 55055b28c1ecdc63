package org.anju.appeals;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A category of appeal (诉求分类), such as 物业维修 or, under 邻里纠纷, 养狗: reference data with a
 * stable code. It names the department that usually handles it, its time limit in working
 * days, the share of that time after which an appeal is nearly due, and whether a
 * resolved appeal is called back. A category in use is deactivated, never deleted.
 */
public record AppealCategory(String code, @Nullable String parentCode, String nameZh, String nameEn,
		String departmentCode, int limitDays, int warningPercent, boolean callbackRequired, boolean active,
		long version) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameZh;
	}

}
