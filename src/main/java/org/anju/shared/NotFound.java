package org.anju.shared;

/**
 * The thing does not exist, or lies outside the caller's data scope. Both answer the
 * same, so that scope leaks nothing.
 */
public class NotFound extends RuntimeException {

	private final String subject;

	public NotFound(String subject, Object id) {
		super(subject + " " + id + " not found");
		this.subject = subject;
	}

	public String subject() {
		return this.subject;
	}

}
