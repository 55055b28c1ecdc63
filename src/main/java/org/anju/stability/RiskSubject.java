package org.anju.stability;

import org.anju.shared.BadParameter;

/**
 * What a risk score is about: a person, an interest group (named by its code), a grid, an
 * area or the whole community. Its key, such as {@code PERSON:42} or
 * {@code GROUP:CONTRACT_TERMINATED_RETIRED}, is how signals and the appeals' query name
 * it.
 */
record RiskSubject(Type type, String id) {

	static RiskSubject of(Type type, Object id) {
		return new RiskSubject(type, String.valueOf(id));
	}

	/**
	 * @throws IllegalArgumentException for a key that names no subject
	 */
	static RiskSubject parse(String key) {
		int colon = key.indexOf(':');
		return new RiskSubject(Type.valueOf(key.substring(0, colon)), key.substring(colon + 1));
	}

	String key() {
		return this.type.name() + ":" + this.id;
	}

	/**
	 * @return the id as the API gives it: a number, or a group's code
	 */
	Object apiId() {
		return (this.type == Type.GROUP) ? this.id : Long.valueOf(this.id);
	}

	/**
	 * The kinds of subject, as the API names them.
	 */
	enum Type {

		PERSON, GROUP, GRID, AREA, COMMUNITY;

		/**
		 * @throws BadParameter for a name that is not a subject type
		 */
		static Type parse(String name) {
			try {
				return valueOf(name.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new BadParameter("subjectType", "risk.subjectType.unknown", name);
			}
		}

	}

}
