package org.anju.appeals.portal;

import org.anju.appeals.ResidentAppeal;

/**
 * The portal's appeal form as the browser sends it; the photos come as their own parts.
 */
class PortalForm {

	private String categoryCode = "";

	private String title = "";

	private String description = "";

	ResidentAppeal appeal() {
		return new ResidentAppeal(this.categoryCode, this.title, this.description);
	}

	public String getCategoryCode() {
		return this.categoryCode;
	}

	public void setCategoryCode(String categoryCode) {
		this.categoryCode = categoryCode;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

}
