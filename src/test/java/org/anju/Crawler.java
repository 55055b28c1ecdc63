package org.anju;

import java.net.URI;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.anju.Endpoints.Endpoint;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Finds a real address for every GET endpoint, so that a test can call each one with
 * objects that exist: an API path's ids are read from its collection's list (or given), a
 * console or portal page's are given by the objects a test made, so that a page added
 * without an object to show is named rather than skipped.
 */
public final class Crawler {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	/**
	 * The pages with path variables that no crawl fetches, each with the reason; every
	 * other page must be given an address, or the crawl names it.
	 */
	public static final Map<String, String> UNCRAWLED = Map.of("/appeals/{id}/photos/{attachmentId}",
			"a photo's bytes: no text, and what an image may hide is cut out at upload (PhotosTests)",
			"/portal/appeals/{id}/photos/{attachmentId}", "the same photo, as its resident sees it");

	/**
	 * A link that carries a list's cursor, in a page's {@code href} or htmx's
	 * {@code hx-get}.
	 */
	private static final Pattern NEXT_LINK = Pattern
		.compile("<a [^>]*?(?:href|hx-get)=\"([^\"]*[?&](?:amp;)?cursor=[^\"&]+[^\"]*)\"[^>]*>");

	private static final String HTMX = "HX-Request";

	/** The cookie in which the console keeps a language chosen with {@code ?lang=}. */
	private static final String LANGUAGE_COOKIE = "anju-lang";

	/** Ids nobody has: the call still answers, with a 404. */
	private static final String NOBODY = "987654321";

	private final MockMvc mvc;

	private final List<Endpoint> endpoints;

	private final RequestPostProcessor admin;

	private final Map<String, MockHttpServletResponse> seen = new LinkedHashMap<>();

	/**
	 * @param admin signs each discovery call in as someone who sees everything
	 */
	public Crawler(MockMvc mvc, RequestMappingHandlerMapping mappings, RequestPostProcessor admin) {
		this.mvc = mvc;
		this.endpoints = Endpoints.of(mappings)
			.stream()
			.filter((endpoint) -> endpoint.method() == RequestMethod.GET && !endpoint.streams())
			.toList();
		this.admin = admin;
	}

	/**
	 * @param chosen the id to use for a collection's {@code {id}}, by the collection's
	 * path (for example the person the test made, for {@code /api/v1/residents})
	 * @return a callable address for every GET endpoint of the API
	 */
	public Map<Endpoint, String> api(Map<String, String> chosen) {
		Map<Endpoint, String> urls = new LinkedHashMap<>();
		for (Endpoint endpoint : this.endpoints) {
			if (endpoint.api()) {
				urls.put(endpoint, fill(endpoint.pattern(), chosen));
			}
		}
		return urls;
	}

	/**
	 * Every page of the console and of the portal, from the application's mappings: a
	 * page without path variables at its pattern, one with variables at the address the
	 * caller filled for its pattern, except the few {@link #UNCRAWLED} ones.
	 * @param filled an address by pattern, for each page with path variables (see
	 * {@link SeededCommunity#pages()})
	 * @return the addresses, and the patterns with variables nobody filled
	 */
	public Pages pages(Map<String, String> filled) {
		Map<Endpoint, String> urls = new LinkedHashMap<>();
		List<String> unfilled = new ArrayList<>();
		for (Endpoint endpoint : this.endpoints) {
			if (!endpoint.console() || UNCRAWLED.containsKey(endpoint.pattern())) {
				continue;
			}
			if (!VARIABLE.matcher(endpoint.pattern()).find()) {
				urls.put(endpoint, endpoint.pattern());
			}
			else if (filled.containsKey(endpoint.pattern())) {
				urls.put(endpoint, filled.get(endpoint.pattern()));
			}
			else {
				unfilled.add(endpoint.pattern() + " (" + endpoint.handler().getBeanType().getSimpleName() + "."
						+ endpoint.handler().getMethod().getName() + ")");
			}
		}
		return new Pages(urls, unfilled);
	}

	/**
	 * @return the answer, kept from discovery when the administrator already asked
	 */
	public MockHttpServletResponse fetch(String url, RequestPostProcessor as) {
		if (as == this.admin && this.seen.containsKey(url)) {
			return this.seen.get(url);
		}
		try {
			MockHttpServletResponse answer = this.mvc.perform(get(URI.create(url)).with(as)).andReturn().getResponse();
			if (as == this.admin) {
				this.seen.put(url, answer);
			}
			return answer;
		}
		catch (Exception ex) {
			throw new IllegalStateException("GET " + url, ex);
		}
	}

	/**
	 * @return the query parameters of the endpoint (its filters, a list's cursor and page
	 * size), read from its handler's {@code @RequestParam}s, except a map of them
	 */
	public static List<Filter> filters(Endpoint endpoint) {
		List<Filter> filters = new ArrayList<>();
		for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param != null && !Map.class.isAssignableFrom(parameter.getParameterType())) {
				String named = param.name().isEmpty() ? param.value() : param.name();
				filters.add(new Filter(endpoint, named.isEmpty() ? String.valueOf(parameter.getParameterName()) : named,
						parameter.getParameterType(),
						param.required() && ValueConstants.DEFAULT_NONE.equals(param.defaultValue())));
			}
		}
		return filters;
	}

	/**
	 * @return whether the endpoint answers htmx's requests ({@code HX-Request}) with a
	 * part of its page
	 */
	public static boolean answersHtmx(Endpoint endpoint) {
		return Arrays.stream(endpoint.handler().getMethodParameters())
			.map((parameter) -> parameter.getParameterAnnotation(RequestHeader.class))
			.anyMatch((header) -> header != null && HTMX.equals(header.name()));
	}

	/**
	 * @return the next page the answer links: the API's {@code next} cursor on the same
	 * address, or the page's link that carries a {@code cursor} (its {@code rel="next"}
	 * one first), as the page wrote it
	 */
	public static Optional<String> next(String url, MockHttpServletResponse answer) {
		String text = AnswerText.of(answer);
		if (String.valueOf(answer.getContentType()).contains("json")) {
			Object next = text.startsWith("{") ? JsonPath.read(text, "$.next") : null;
			return Optional.ofNullable(next)
				.map((cursor) -> UriComponentsBuilder.fromUriString(url)
					.replaceQueryParam("cursor", cursor)
					.build()
					.encode()
					.toUriString());
		}
		Matcher links = NEXT_LINK.matcher(text);
		String found = null;
		boolean rel = false;
		while (!rel && links.find()) {
			rel = links.group().contains("rel=\"next\"");
			if (found == null || rel) {
				found = links.group(1).replace("&amp;", "&");
			}
		}
		return Optional.ofNullable(found);
	}

	/**
	 * Asks as htmx does: the part of the page that htmx swaps in.
	 */
	public static RequestPostProcessor htmx(RequestPostProcessor as) {
		return (request) -> {
			request.addHeader(HTMX, "true");
			return as.postProcessRequest(request);
		};
	}

	/**
	 * Asks in English, the way each kind of caller chooses it: a program by
	 * {@code Accept-Language}, the console and the portal by the cookie that
	 * {@code ?lang=en} leaves (see {@code platform.ConsoleLocale}).
	 */
	public static RequestPostProcessor english(RequestPostProcessor as) {
		return (request) -> {
			request.addHeader(HttpHeaders.ACCEPT_LANGUAGE, "en");
			request.setCookies(new Cookie(LANGUAGE_COOKIE, "en"));
			return as.postProcessRequest(request);
		};
	}

	private String fill(String pattern, Map<String, String> chosen) {
		Matcher variables = VARIABLE.matcher(pattern);
		StringBuilder url = new StringBuilder();
		while (variables.find()) {
			variables.appendReplacement(url, "");
			String collection = url.toString().replaceAll("/$", "");
			String name = variables.group(1);
			url.append(switch (name) {
				case "year" -> String.valueOf(Year.now().getValue());
				case "grade" -> "A";
				case "subjectType" -> "PERSON";
				case "serviceLine" -> "CANTEEN";
				case "number" -> "1";
				case "item" -> "CONDOLENCE";
				default -> chosen.getOrDefault(collection, first(collection, name.equals("code") ? "code" : "id"));
			});
		}
		variables.appendTail(url);
		return url.toString();
	}

	/** The first id (or code) the administrator's list of the collection holds. */
	private String first(String collection, String field) {
		MockHttpServletResponse list = fetch(collection, this.admin);
		if (list.getStatus() != 200 || !String.valueOf(list.getContentType()).contains("json")) {
			return NOBODY;
		}
		List<Object> values = new ArrayList<>(JsonPath.read(AnswerText.of(list), "$.." + field));
		return values.isEmpty() ? NOBODY : String.valueOf(values.get(0));
	}

	/**
	 * A query parameter of a GET endpoint.
	 *
	 * @param required whether the endpoint refuses a call without it
	 */
	public record Filter(Endpoint endpoint, String name, Class<?> type, boolean required) {

		/** As tables name it: the pattern and the parameter. */
		public String key() {
			return this.endpoint.pattern() + " " + this.name;
		}

	}

	/**
	 * The addresses of the console's and the portal's pages, and the patterns of those
	 * that have variables no object filled.
	 */
	public record Pages(Map<Endpoint, String> urls, List<String> unfilled) {

		/**
		 * @return the portal's pages, for a resident
		 */
		public Map<Endpoint, String> portal() {
			Map<Endpoint, String> portal = new LinkedHashMap<>(this.urls);
			portal.keySet().removeIf((endpoint) -> !endpoint.portal());
			return portal;
		}

		/**
		 * @return the console's pages, for staff
		 */
		public Map<Endpoint, String> staff() {
			Map<Endpoint, String> staff = new LinkedHashMap<>(this.urls);
			staff.keySet().removeIf(Endpoint::portal);
			return staff;
		}

	}

}
