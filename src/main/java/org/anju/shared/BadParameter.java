package org.anju.shared;

/**
 * A query parameter that cannot be used as given: a page size out of range, a cursor this
 * server did not make. It answers 400, where a body that breaks a rule answers 422.
 */
public class BadParameter extends InvalidInput {

	public BadParameter(String parameter, String code, Object... args) {
		super(parameter, code, args);
	}

}
