package org.anju.shared;

import java.util.List;

/**
 * A value that breaks a rule. Each violation names the field and a message code that the
 * edge resolves in the caller's language.
 */
public class InvalidInput extends RuntimeException {

	private final List<Violation> violations;

	public InvalidInput(String field, String code, Object... args) {
		this(List.of(new Violation(field, code, args)));
	}

	public InvalidInput(List<Violation> violations) {
		super(violations.isEmpty() ? "invalid input" : violations.get(0).code());
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return this.violations;
	}

	/**
	 * One broken rule on one field.
	 */
	public record Violation(String field, String code, Object... args) {
	}

}
