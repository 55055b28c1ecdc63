package org.anju.shared;

/**
 * An action that the current state of a thing does not allow, such as deleting a place
 * where people still live.
 */
public class Refused extends RuntimeException {

	private final String code;

	private final Object[] args;

	public Refused(String code, Object... args) {
		super(code);
		this.code = code;
		this.args = args;
	}

	public String code() {
		return this.code;
	}

	public Object[] args() {
		return this.args;
	}

}
