package org.anju.surveys;

import java.util.List;

/**
 * A service line the community runs, with the department that runs it and the appeal
 * categories (each with its sub-categories) whose callbacks count towards its
 * satisfaction index. The first category is where a survey complaint becomes an appeal.
 */
public enum ServiceLine {

	CANTEEN("CANTEEN", List.of("CANTEEN")),

	KINDERGARTEN("KINDERGARTEN", List.of("EDUCATION")),

	GUESTHOUSE("GUESTHOUSE", List.of("GUESTHOUSE")),

	SHUTTLE_BUS("TRANSPORT", List.of("TRANSPORT")),

	PROPERTY("PROPERTY", List.of("PROPERTY_REPAIR")),

	SANITATION("SANITATION", List.of("SANITATION")),

	ENERGY("ENERGY", List.of("UTILITIES")),

	RETIREE_SERVICES("RETIREE_AFFAIRS", List.of("WAGES_BENEFITS"));

	private final String departmentCode;

	private final List<String> categoryCodes;

	ServiceLine(String departmentCode, List<String> categoryCodes) {
		this.departmentCode = departmentCode;
		this.categoryCodes = categoryCodes;
	}

	public String departmentCode() {
		return this.departmentCode;
	}

	/**
	 * @return the appeal categories of the line, each standing for its sub-categories too
	 */
	public List<String> categoryCodes() {
		return this.categoryCodes;
	}

	/**
	 * @return the category a survey complaint is filed under
	 */
	public String appealCategory() {
		return this.categoryCodes.get(0);
	}

}
