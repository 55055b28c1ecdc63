package org.anju.notices;

import java.util.Arrays;
import java.util.Set;

/**
 * What is cut off. An appeal is about the outage when its category is the general 水电气暖
 * category ({@code UTILITIES}) or the utility's own sub-category, where a community has
 * one.
 */
public enum Utility {

	WATER("WATER_SUPPLY"), POWER("POWER_SUPPLY"), GAS("GAS_SUPPLY"), HEATING("HEATING_SUPPLY");

	/** The general category of water, power, gas and heating. */
	public static final String GENERAL_CATEGORY = "UTILITIES";

	private final String ownCategory;

	Utility(String ownCategory) {
		this.ownCategory = ownCategory;
	}

	/**
	 * @return the appeal categories about this utility
	 */
	public Set<String> categoryCodes() {
		return Set.of(GENERAL_CATEGORY, this.ownCategory);
	}

	/**
	 * @return whether appeals of this category can be about an outage at all
	 */
	public static boolean concerns(String categoryCode) {
		return GENERAL_CATEGORY.equals(categoryCode)
				|| Arrays.stream(values()).anyMatch((utility) -> utility.ownCategory.equals(categoryCode));
	}

}
