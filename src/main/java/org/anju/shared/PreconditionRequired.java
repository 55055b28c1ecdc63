package org.anju.shared;

/**
 * A write that must say which version it changes ({@code If-Match}) did not.
 */
public class PreconditionRequired extends RuntimeException {

	public PreconditionRequired() {
		super("If-Match required");
	}

}
