package org.anju.console;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.anju.identity.CurrentUser;
import org.anju.platform.PageAttributes;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.ui.ModelMap;
import org.springframework.web.servlet.ModelAndView;

/**
 * Puts the signed-in user into every console page, for the header and the navigation:
 * {@code me}, the names of the permissions they hold ({@code may}) and the section of the
 * console they are in ({@code section}, the first part of the path).
 * <p>
 * An interceptor ({@link PageAttributes}) rather than {@code @ControllerAdvice} model
 * attributes, because advice for {@code @Controller} also ran for every API call, whose
 * answer has no page: see {@link PageAttributes} for why.
 */
@Component
class ConsoleModel extends PageAttributes {

	@Override
	protected void addTo(ModelMap page, HttpServletRequest request) {
		CurrentUser user = CurrentUser.signedIn();
		page.putIfAbsent("me", user);
		page.putIfAbsent("may", permissions(user));
		page.putIfAbsent("section", section(request));
	}

	private static String section(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String[] parts = path.split("/");
		if (parts.length < 2) {
			return "";
		}
		return "people".equals(parts[1]) && parts.length > 2 && "import".equals(parts[2]) ? "import" : parts[1];
	}

	/**
	 * Adds what the frame needs to a page that an exception handler renders, where
	 * interceptors do not add it.
	 */
	static ModelAndView framed(ModelAndView page) {
		CurrentUser user = CurrentUser.signedIn();
		page.addObject("me", user);
		page.addObject("may", permissions(user));
		// no navigation entry is the current one on an error page
		page.addObject("section", "-");
		return page;
	}

	private static Set<String> permissions(@Nullable CurrentUser user) {
		return (user != null) ? user.role().permissions().stream().map(Enum::name).collect(Collectors.toSet())
				: Set.of();
	}

}
