package org.anju.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.ModelMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

/**
 * Adds attributes to every page a handler renders, and to nothing else. A subclass is a
 * bean of the module that owns the attributes and registers itself as an interceptor.
 * <p>
 * Why not {@code @ControllerAdvice} with {@code @ModelAttribute} methods: Spring MVC
 * invokes those before the handler, for every handler that the advice's selectors match,
 * and the selectors can only include, never exclude. {@code annotations =
 * Controller.class} also matches every {@code @RestController}, so each API call looked
 * the user up and asked the calendar for a model that was never rendered.
 * {@link #postHandle} runs after the handler, when it is known whether a view follows: an
 * API answer ({@code @ResponseBody}, {@code ResponseEntity}) brings no
 * {@link ModelAndView}, and a redirect gets nothing, so the attributes cannot end up in
 * its URL. Like model attribute methods, postHandle does not run for a page that an
 * exception handler renders: such a handler adds what its page needs itself.
 */
public abstract class PageAttributes implements HandlerInterceptor, WebMvcConfigurer {

	@Override
	public final void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public final void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView result) {
		if (result != null && !redirect(result)) {
			addTo(result.getModelMap(), request);
		}
	}

	/**
	 * Adds this module's attributes to a page about to be rendered. An attribute that the
	 * handler put in the model itself stays (use {@code putIfAbsent}), as it did when
	 * model attribute methods ran before the handler.
	 */
	protected abstract void addTo(ModelMap page, HttpServletRequest request);

	private static boolean redirect(ModelAndView result) {
		String name = result.getViewName();
		return (name != null) ? name.startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX)
				: result.getView() instanceof SmartView view && view.isRedirectView();
	}

}
