package org.anju.people;

import java.util.List;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

/**
 * Modules that hold data about a person implement this, so that the person's own data
 * report (个人信息查阅, PIPL article 45) lists everything Anju holds about them, and a new
 * module cannot be left out of it by forgetting an export.
 */
public interface PersonalData {

	/**
	 * The module's sections about the person, unmasked: the report goes to the person
	 * themselves.
	 */
	List<Section> about(CommunityId community, long personId);

	/**
	 * One sheet of the report.
	 *
	 * @param title the message code of the sheet's name
	 * @param columns the message codes of its column headings
	 * @param rows the values, one list per row in the order of the columns; a
	 * {@link Label} is shown in the reader's language
	 */
	record Section(String title, List<String> columns, List<List<@Nullable Object>> rows) {
	}

	/**
	 * A value that is the message code of a label, such as a field's name.
	 */
	record Label(String code) {
	}

}
