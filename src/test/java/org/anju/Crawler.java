package org.anju;

import java.time.Year;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.anju.Endpoints.Endpoint;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Finds a real address for every GET endpoint, so that a test can call each one with
 * objects that exist: an API path's ids are read from its collection's list (or given), a
 * console page's from the links of the pages already seen, starting from the pages
 * without variables and the given ones.
 */
public final class Crawler {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	private static final Pattern LINK = Pattern.compile("(?:href|action|src)=\"(/[^\"#]*)\"");

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
	 * Follows the links of the console as the administrator.
	 * @param start addresses to begin with, besides every page without variables
	 * @return an address for every console GET endpoint a link led to
	 */
	public Map<Endpoint, String> console(List<String> start) {
		Map<Endpoint, String> urls = new LinkedHashMap<>();
		Deque<String> queue = new ArrayDeque<>(start);
		this.endpoints.stream()
			.filter((endpoint) -> endpoint.console() && !VARIABLE.matcher(endpoint.pattern()).find())
			.forEach((endpoint) -> queue.add(endpoint.pattern()));
		Set<String> queued = new HashSet<>(queue);
		while (!queue.isEmpty()) {
			String url = queue.poll();
			Endpoint endpoint = consoleEndpoint(url);
			if (endpoint == null || urls.containsKey(endpoint)) {
				continue;
			}
			urls.put(endpoint, url);
			MockHttpServletResponse page = fetch(url, this.admin);
			if (String.valueOf(page.getContentType()).startsWith("text/html")) {
				Matcher link = LINK.matcher(AnswerText.of(page));
				while (link.find()) {
					String next = link.group(1).replace("&amp;", "&");
					if (queued.add(next)) {
						queue.add(next);
					}
				}
			}
		}
		return urls;
	}

	/**
	 * @return the answer, kept from discovery when the administrator already asked
	 */
	public MockHttpServletResponse fetch(String url, RequestPostProcessor as) {
		if (as == this.admin && this.seen.containsKey(url)) {
			return this.seen.get(url);
		}
		try {
			MockHttpServletResponse answer = this.mvc.perform(get(url).with(as)).andReturn().getResponse();
			if (as == this.admin) {
				this.seen.put(url, answer);
			}
			return answer;
		}
		catch (Exception ex) {
			throw new IllegalStateException("GET " + url, ex);
		}
	}

	private @Nullable Endpoint consoleEndpoint(String url) {
		String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
		for (Endpoint endpoint : this.endpoints) {
			if (endpoint.console() && !path.startsWith("/css/") && !path.startsWith("/js/")
					&& !path.startsWith("/webjars/")) {
				PathPattern pattern = PathPatternParser.defaultInstance.parse(endpoint.pattern());
				if (pattern.matches(PathContainer.parsePath(path))) {
					return endpoint;
				}
			}
		}
		return null;
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

}
