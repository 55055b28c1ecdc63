package org.anju.platform;

import org.anju.shared.InvalidInput;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

/**
 * Shows what the domain refused on the console form that was sent, so that the page can
 * be rendered again with everything the user typed and each message next to its field.
 */
public final class FormErrors {

	private FormErrors() {
	}

	/**
	 * Puts each violation of an {@link InvalidInput} next to the form field of the same
	 * name, or above the form when the form has no such field; a {@link Refused} or a
	 * {@link StaleVersion} goes above the form.
	 * @throws RuntimeException {@code problem} itself when it is none of those
	 */
	public static void reject(RuntimeException problem, BindingResult result) {
		if (problem instanceof InvalidInput invalid) {
			BeanWrapperImpl form = new BeanWrapperImpl(result.getTarget());
			for (InvalidInput.Violation violation : invalid.violations()) {
				if (form.isReadableProperty(violation.field())) {
					result.rejectValue(violation.field(), violation.code(), violation.args(), violation.code());
				}
				else {
					result.reject(violation.code(), violation.args(), violation.code());
				}
			}
		}
		else if (problem instanceof Refused refused) {
			result.reject(refused.code(), refused.args(), refused.code());
		}
		else if (problem instanceof StaleVersion) {
			result.reject("problem.staleVersion");
		}
		else {
			throw problem;
		}
	}

}
