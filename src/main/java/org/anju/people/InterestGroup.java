package org.anju.people;

import java.util.Locale;

/**
 * An interest group (人员类别), such as 退休 or 协解: reference data with a stable code.
 */
public record InterestGroup(String code, String nameZh, String nameEn, boolean active) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameZh;
	}

}
