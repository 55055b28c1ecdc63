package org.anju.organisation;

import java.util.Locale;

/**
 * A service department (服务部门), named by a stable code.
 */
public record Department(String code, String nameZh, String nameEn) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameZh;
	}

}
