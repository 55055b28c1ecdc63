package org.anju.console;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.anju.identity.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * Puts the signed-in user into every console page, for the header and the navigation:
 * {@code me}, the names of the permissions they hold ({@code may}) and the section of the
 * console they are in ({@code section}, the first part of the path).
 */
@ControllerAdvice(annotations = Controller.class)
class ConsoleModel {

	@ModelAttribute("me")
	@Nullable CurrentUser me() {
		return signedIn();
	}

	@ModelAttribute("may")
	Set<String> may() {
		return permissions(signedIn());
	}

	@ModelAttribute("section")
	String section(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String[] parts = path.split("/");
		if (parts.length < 2) {
			return "";
		}
		return "people".equals(parts[1]) && parts.length > 2 && "import".equals(parts[2]) ? "import" : parts[1];
	}

	/**
	 * Adds what the frame needs to a page that an exception handler renders, where model
	 * attribute methods do not run.
	 */
	static ModelAndView framed(ModelAndView page) {
		CurrentUser user = signedIn();
		page.addObject("me", user);
		page.addObject("may", permissions(user));
		// no navigation entry is the current one on an error page
		page.addObject("section", "-");
		return page;
	}

	private static @Nullable CurrentUser signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) ? user : null;
	}

	private static Set<String> permissions(@Nullable CurrentUser user) {
		return (user != null) ? user.role().permissions().stream().map(Enum::name).collect(Collectors.toSet())
				: Set.of();
	}

}
