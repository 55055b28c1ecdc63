package org.anju.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a console page shows when the domain says no. A missing record, or one outside the
 * caller's grids, is the 404 page. A refusal during an htmx action (deleting a place
 * where people live, a stale version, a bad name) is shown in the page's message area, so
 * that the page stays as it was; without htmx it is a page of its own. Forms catch these
 * themselves to keep what the user typed.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class ConsoleErrors {

	static final String NOT_FOUND = "error/404";

	static final String REFUSED = "error/409";

	static final String ALERT = "fragments :: alert";

	private final MessageSource messages;

	ConsoleErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	ModelAndView notFound(NotFound ex, HttpServletRequest request, HttpServletResponse response) {
		if (htmx(request)) {
			return alert(response, HttpStatus.NOT_FOUND, text("problem.notFound"));
		}
		ModelAndView page = ConsoleModel.framed(new ModelAndView(NOT_FOUND));
		page.setStatus(HttpStatus.NOT_FOUND);
		return page;
	}

	@ExceptionHandler
	ModelAndView refused(Refused ex, HttpServletRequest request, HttpServletResponse response) {
		return answer(request, response, HttpStatus.CONFLICT, text(ex.code(), ex.args()));
	}

	@ExceptionHandler
	ModelAndView stale(StaleVersion ex, HttpServletRequest request, HttpServletResponse response) {
		return answer(request, response, HttpStatus.PRECONDITION_FAILED, text("problem.staleVersion"));
	}

	@ExceptionHandler
	ModelAndView invalid(InvalidInput ex, HttpServletRequest request, HttpServletResponse response) {
		String message = String.join(" ", ex.violations().stream().map((v) -> text(v.code(), v.args())).toList());
		return answer(request, response, HttpStatus.UNPROCESSABLE_CONTENT, message);
	}

	private ModelAndView answer(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String message) {
		if (htmx(request)) {
			return alert(response, status, message);
		}
		ModelAndView page = ConsoleModel.framed(new ModelAndView(REFUSED));
		page.addObject("message", message);
		page.setStatus(status);
		return page;
	}

	private static ModelAndView alert(HttpServletResponse response, HttpStatus status, String message) {
		// htmx swaps these answers (see anju.js) into the message area instead of the
		// target
		response.setHeader("HX-Retarget", "#flash");
		response.setHeader("HX-Reswap", "innerHTML");
		ModelAndView alert = new ModelAndView(ALERT);
		alert.addObject("message", message);
		alert.setStatus(status);
		return alert;
	}

	private static boolean htmx(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request"));
	}

	private String text(String code, Object... args) {
		return this.messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

}
