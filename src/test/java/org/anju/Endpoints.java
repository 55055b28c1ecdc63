package org.anju;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the application maps, read from Spring's own request mappings, so that a
 * test generated from it covers an endpoint the day it is added.
 */
public final class Endpoints {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	private Endpoints() {
	}

	/**
	 * @return the pattern with each variable made up: a number nobody has, or a code
	 * nobody uses (an action, a year or a grade that exists, where the call needs one to
	 * get to its check)
	 */
	public static String madeUp(String pattern) {
		return VARIABLE.matcher(pattern).replaceAll((variable) -> switch (variable.group(1)) {
			case "year" -> "2026";
			case "action" -> "note";
			case "item" -> "CONDOLENCE";
			case "grade" -> "A";
			case "subjectType" -> "PERSON";
			default -> (variable.group(1).equals("id") || variable.group(1).endsWith("Id")) ? "987654321" : "NOSUCH";
		});
	}

	/**
	 * @return whether the pattern has a variable
	 */
	public static boolean hasVariables(String pattern) {
		return VARIABLE.matcher(pattern).find();
	}

	/**
	 * @return each method and path pattern the application answers, sorted by pattern; a
	 * mapping without a method counts as GET
	 */
	public static List<Endpoint> of(RequestMappingHandlerMapping mappings) {
		List<Endpoint> all = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = mapping.getKey();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					all.add(new Endpoint(method, pattern,
							info.getConsumesCondition().getConsumableMediaTypes().stream().findFirst().orElse(null),
							info.getProducesCondition().getProducibleMediaTypes(), mapping.getValue()));
				}
			}
		}
		all.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
		return all;
	}

	/**
	 * One method on one path pattern.
	 */
	public record Endpoint(RequestMethod method, String pattern, @Nullable MediaType consumes, Set<MediaType> produces,
			HandlerMethod handler) {

		public boolean api() {
			return this.pattern.startsWith("/api/v1/");
		}

		/** The console's pages and forms: neither the API nor Open311's. */
		public boolean console() {
			return !api() && !this.pattern.startsWith("/open311") && !this.pattern.startsWith("/error")
					&& !this.pattern.startsWith("/v3/api-docs") && !this.pattern.startsWith("/swagger");
		}

		/** The resident portal's pages and forms, a part of the console's. */
		public boolean portal() {
			return this.pattern.startsWith("/portal");
		}

		/** An endpoint that never ends its answer, as a live event stream. */
		public boolean streams() {
			return this.produces.contains(MediaType.TEXT_EVENT_STREAM);
		}

		public boolean changes() {
			return this.method != RequestMethod.GET && this.method != RequestMethod.HEAD
					&& this.method != RequestMethod.OPTIONS;
		}

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

}
