package org.anju.surveys;

/**
 * What a question asks for: a rating from 1 (very poor) to 5 (very good), one option,
 * several options, or free text.
 */
public enum QuestionType {

	RATING, SINGLE, MULTIPLE, TEXT;

	/**
	 * @return whether the question offers options to choose from
	 */
	public boolean hasOptions() {
		return this == SINGLE || this == MULTIPLE;
	}

}
