package org.anju;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anju.Crawler.Filter;
import org.anju.Endpoints.Endpoint;
import org.anju.calendar.WorkingCalendar;
import org.anju.people.Person;
import org.anju.people.PinyinIndex;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The query variants of every GET endpoint: each filter (a request parameter) given a
 * value that the data holds, one filter at a time, with the required ones always filled.
 * A search text finds the given person by name, pinyin and the last four digits of their
 * ID number; a date filter spans today; a yes-or-no filter is asked yes; any other filter
 * takes a value that an API answer showed under its name: the endpoint's own answer
 * first, then one that a page offers in its list or links, then any; an enumeration that
 * no answer showed takes each of its constants, other filters the first the page offers.
 * A filter none of these fills is {@link #ACCOUNTED accounted for} with the reason, or
 * named by {@link #unaccounted()}; so that a filter added tomorrow is read the day it is
 * added. A list's {@code cursor} and {@code size} page it: a crawl follows the link its
 * answer gives (see {@link Crawler#next}), and a list that the seeded data does not fill
 * past one page is {@link #UNPAGED accounted for}.
 */
final class QueryVariants {

	/** The parameters that page a list rather than filter it. */
	private static final Set<String> PAGING = Set.of("cursor", "size");

	/** The parameters that take a search text. */
	private static final Set<String> SEARCH = Set.of("q", "personQuery", "coSignerQuery");

	private static final String ROUND = "a screening round is opened by ScreeningClock on its schedule and "
			+ "SeededCommunity opens none: no answer holds a round's id";

	/**
	 * The filters whose values go by another name in the answers, by pattern and name.
	 */
	private static final Map<String, String> ALIASES = Map.of("/sensitive-dates edit", "sensitiveDateId");

	/** The filters that no value is derived for, each with the reason. */
	static final Map<String, String> ACCOUNTED = Map.of("/api/v1/conflicts roundId", ROUND, "/conflicts/new roundId",
			ROUND, "/mood-notes/new roundId", ROUND, "/screening roundId", ROUND);

	private static final String ONE_PAGE = "the console shows %d rows a page and the seeded data has fewer; "
			+ "the same rows are the API's list, whose next page is read";

	private static final String NONE = "SeededCommunity makes none: ";

	private static final String DEATH = NONE + "a death ends the person's registration, which other pages read";

	private static final String WARNING = "a warning is raised by the risk engine's tick, which SeededCommunity "
			+ "waits for once; a second would double the seeding's time";

	private static final String QUEUE = "the console shows 25 rows a page and the seeded data has fewer, and no "
			+ "API lists this queue: its later pages are not read";

	/**
	 * The lists with a cursor whose next page a crawl of the seeded data does not reach,
	 * each with the reason.
	 */
	static final Map<String, String> UNPAGED = Map.ofEntries(Map.entry("/api/v1/deaths", DEATH),
			Map.entry("/api/v1/screening-rounds", NONE + ROUND), Map.entry("/api/v1/warnings", WARNING),
			Map.entry("/care/deaths", DEATH), Map.entry("/warnings", WARNING), Map.entry("/appeals/callbacks", QUEUE),
			Map.entry("/appeals/supervision", QUEUE), Map.entry("/appeals", ONE_PAGE.formatted(25)),
			Map.entry("/care/qualification/{id}", ONE_PAGE.formatted(50)),
			Map.entry("/care/special-lists", ONE_PAGE.formatted(50)), Map.entry("/care/visits", ONE_PAGE.formatted(50)),
			Map.entry("/care/visits/lists/{id}", ONE_PAGE.formatted(50)),
			Map.entry("/conflicts", ONE_PAGE.formatted(25)), Map.entry("/inbox", ONE_PAGE.formatted(50)),
			Map.entry("/incidents", ONE_PAGE.formatted(25)), Map.entry("/key-persons", ONE_PAGE.formatted(25)),
			Map.entry("/mood-notes", ONE_PAGE.formatted(25)), Map.entry("/sms", ONE_PAGE.formatted(50)));

	/** An API collection's address, or one of its objects'. */
	private static final Pattern COLLECTION = Pattern.compile("/api/v1/([a-z-]+)(/\\{id})?");

	private static final Pattern OPTION = Pattern.compile("<option[^>]*value=\"([^\"]*)\"");

	private final ObjectMapper json;

	private final List<String> searches;

	/** The values API answers showed, by field name, in the order seen. */
	private final Map<String, Set<String>> seen = new LinkedHashMap<>();

	private final Set<String> unaccounted = new TreeSet<>();

	private final Set<String> used = new TreeSet<>();

	/**
	 * @param person whom the search texts find
	 * @param answers the API's answers whose values filters take, the most wanted first
	 */
	QueryVariants(ObjectMapper json, Person person, Map<Endpoint, MockHttpServletResponse> answers) {
		this.json = json;
		this.searches = List.of(person.name(), PinyinIndex.of(person.name()).keys().get(0),
				person.idNumber().substring(person.idNumber().length() - 4));
		answers.forEach((endpoint, answer) -> read(endpoint, answer, this.seen));
	}

	/**
	 * @param url the endpoint's address (its path variables filled)
	 * @param answer the endpoint's answer at that address, whose values come first
	 * @return the addresses of the endpoint's variants: each filter with each value
	 */
	List<String> of(Endpoint endpoint, String url, MockHttpServletResponse answer) {
		Map<String, Set<String>> own = new LinkedHashMap<>();
		read(endpoint, answer, own);
		String page = String.valueOf(answer.getContentType()).startsWith("text/html") ? AnswerText.of(answer) : "";
		UriComponentsBuilder base = UriComponentsBuilder.fromUriString(url);
		List<Filter> filters = Crawler.filters(endpoint)
			.stream()
			.filter((filter) -> !PAGING.contains(filter.name()) && !url.matches(".*[?&]" + filter.name() + "=.*"))
			.toList();
		Map<Filter, List<String>> values = new LinkedHashMap<>();
		for (Filter filter : filters) {
			List<String> found = values(filter, own, offered(filter.name(), page));
			if (found.isEmpty() && !ACCOUNTED.containsKey(filter.key())) {
				this.unaccounted.add(filter.key() + " (" + filter.type().getSimpleName() + ")");
			}
			else if (!found.isEmpty()) {
				this.used.add(filter.key());
				values.put(filter, found);
				if (filter.required()) {
					base.replaceQueryParam(filter.name(), found.get(0));
				}
			}
		}
		List<String> variants = new ArrayList<>();
		values.forEach((filter, each) -> each.forEach((value) -> variants
			.add(base.cloneBuilder().replaceQueryParam(filter.name(), value).build().encode().toUriString())));
		return variants;
	}

	/**
	 * @return whether the address searches with a text
	 */
	static boolean searches(String url) {
		return SEARCH.stream().anyMatch((name) -> url.matches(".*[?&]" + name + "=.*"));
	}

	/**
	 * @return the filters that got no value and are not accounted for, by pattern and
	 * name
	 */
	Set<String> unaccounted() {
		return this.unaccounted;
	}

	/**
	 * @return the filters that got a value, by pattern and name
	 */
	Set<String> used() {
		return this.used;
	}

	/**
	 * @return the values the page offers for the filter: its list's options and its
	 * links' values
	 */
	private static Set<String> offered(String name, String page) {
		Set<String> offered = new LinkedHashSet<>();
		Matcher select = Pattern.compile("<select[^>]*name=\"" + name + "\"[^>]*>(.*?)</select>", Pattern.DOTALL)
			.matcher(page);
		while (select.find()) {
			Matcher option = OPTION.matcher(select.group(1));
			while (option.find()) {
				offered.add(option.group(1));
			}
		}
		Matcher link = Pattern.compile("[?&;]" + name + "=([^&\"#]+)").matcher(page);
		while (link.find()) {
			offered.add(UriUtils.decode(link.group(1), StandardCharsets.UTF_8));
		}
		offered.remove("");
		return offered;
	}

	private List<String> values(Filter filter, Map<String, Set<String>> own, Set<String> offered) {
		String name = ALIASES.getOrDefault(filter.key(), filter.name());
		Class<?> type = filter.type();
		if (SEARCH.contains(name)) {
			return this.searches;
		}
		if (type == boolean.class || type == Boolean.class) {
			return List.of("true");
		}
		LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
		if (name.equals("year")) {
			return List.of(String.valueOf(today.getYear()));
		}
		if (name.endsWith("from") || name.endsWith("From") || name.equals("to") || name.endsWith("To")) {
			LocalDate day = (name.toLowerCase().endsWith("from")) ? today.minusDays(31) : today.plusDays(31);
			return List
				.of((type == Instant.class) ? day.atStartOfDay(ZoneOffset.UTC).toInstant().toString() : day.toString());
		}
		List<String> constants = (type.isEnum())
				? Arrays.stream(type.getEnumConstants()).map((constant) -> ((Enum<?>) constant).name()).toList() : null;
		List<String> held = new ArrayList<>();
		for (Map<String, Set<String>> values : List.of(own, this.seen)) {
			for (String key : keys(name, values)) {
				values.get(key).stream().filter((value) -> fits(value, type, constants)).forEach(held::add);
			}
		}
		List<String> choices = offered.stream().filter((value) -> fits(value, type, constants)).toList();
		return held.stream()
			.filter((value) -> choices.isEmpty() || choices.contains(value))
			.findFirst()
			.or(() -> held.stream().findFirst())
			.map(List::of)
			.orElse((constants != null) ? constants : choices.stream().limit(1).toList());
	}

	/**
	 * @return the names of values a filter may take: its own name, a longer name ending
	 * with it ({@code visitListId} for {@code listId}), and its shorter endings
	 * ({@code roomId} for {@code lookupRoomId})
	 */
	private static List<String> keys(String name, Map<String, Set<String>> values) {
		List<String> keys = new ArrayList<>();
		if (values.containsKey(name)) {
			keys.add(name);
		}
		String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
		values.keySet().stream().filter((key) -> key.endsWith(capitalised)).forEach(keys::add);
		for (int i = 1; i < name.length(); i++) {
			if (Character.isUpperCase(name.charAt(i)) && i < name.lastIndexOf("Id")) {
				String ending = Character.toLowerCase(name.charAt(i)) + name.substring(i + 1);
				if (values.containsKey(ending)) {
					keys.add(ending);
				}
			}
		}
		return keys;
	}

	private static boolean fits(String value, Class<?> type, List<String> constants) {
		if (constants != null) {
			return constants.contains(value);
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			return value.matches("\\d{1,18}");
		}
		return type == String.class && !value.isBlank();
	}

	/**
	 * Keeps each scalar of a JSON answer under its field's name; an object's {@code id}
	 * also under the field's name with {@code Id} (for the answer's own object or its
	 * items, the collection's name in the singular: {@code /api/v1/visit-lists} gives a
	 * {@code visitListId}), its {@code code} under the field's name, and a list's
	 * elements under its name in the singular ({@code groups: [{code}]} gives a
	 * {@code group}).
	 */
	private void read(Endpoint endpoint, MockHttpServletResponse answer, Map<String, Set<String>> values) {
		if (answer.getStatus() == 200 && String.valueOf(answer.getContentType()).contains("json")) {
			Matcher collection = COLLECTION.matcher(endpoint.pattern());
			String name = collection.matches() ? singular(camel(collection.group(1))) : "item";
			walk(this.json.readTree(AnswerText.of(answer)), name, values);
		}
	}

	private static void walk(JsonNode node, String name, Map<String, Set<String>> values) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				walk(field.getValue(), field.getKey().equals("items") ? name : field.getKey(), values);
			}
			if (node.has("id")) {
				keep(values, name + "Id", node.get("id"));
			}
			if (node.has("code")) {
				keep(values, name, node.get("code"));
			}
		}
		else if (node.isArray()) {
			node.forEach((element) -> walk(element, singular(name), values));
		}
		else {
			keep(values, name, node);
		}
	}

	/** {@code visit-lists} as {@code visitLists}. */
	private static String camel(String path) {
		return Pattern.compile("-([a-z])").matcher(path).replaceAll((letter) -> letter.group(1).toUpperCase());
	}

	private static String singular(String name) {
		return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
	}

	private static void keep(Map<String, Set<String>> values, String name, JsonNode value) {
		if (value.isValueNode() && !value.isNull()) {
			values.computeIfAbsent(name, (key) -> new LinkedHashSet<>()).add(value.asString());
		}
	}

}
