package org.anju.console;

import org.anju.identity.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user into every console page, for the header and the navigation.
 */
@ControllerAdvice(annotations = Controller.class)
class ConsoleModel {

	@ModelAttribute("me")
	@Nullable CurrentUser me() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) ? user : null;
	}

}
