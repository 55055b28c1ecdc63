package org.anju.open311;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealView;
import org.anju.organisation.Department;
import org.anju.organisation.Departments;
import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) as the spec gives it, in
 * XML and JSON, with one deviation that docs/API.md documents: GET requests and GET a
 * request need {@code api_key} too, and a key sees only the requests it sent, because
 * appeals hold personal data. Services are the active appeal categories; every service is
 * {@code realtime}, so POST answers the {@code service_request_id} at once, which is the
 * appeal's number (e.g. {@code 2026-000123}), and no token is ever issued.
 */
@RestController
@RequestMapping(GeoReportApi.BASE)
@Tag(name = "open311", description = "Open311 GeoReport v2")
class GeoReportApi {

	static final String BASE = "/open311/v2";

	static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final String FORMAT = "{format:json|xml}";

	private final ServiceRequests requests;

	private final Jurisdictions jurisdictions;

	private final AppealCategories categories;

	private final Departments departments;

	private final MessageSource messages;

	private final ObjectMapper json;

	GeoReportApi(ServiceRequests requests, Jurisdictions jurisdictions, AppealCategories categories,
			Departments departments, MessageSource messages, ObjectMapper json) {
		this.requests = requests;
		this.jurisdictions = jurisdictions;
		this.categories = categories;
		this.departments = departments;
		this.messages = messages;
		this.json = json;
	}

	@GetMapping("/discovery." + FORMAT)
	@Operation(summary = "Service discovery")
	ResponseEntity<String> discovery(@PathVariable String format, @AuthenticationPrincipal @Nullable Open311Caller key,
			HttpServletRequest request,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdictionId) {
		CommunityId community = this.jurisdictions.resolve(caller(request, key, false), jurisdictionId);
		String changeset = changeset(this.categories.tree(community));
		GeoReportDocument.Struct endpoint = GeoReportDocument.Struct.builder()
			.add("specification", SPECIFICATION)
			.add("url", ServletUriComponentsBuilder.fromCurrentContextPath().path(BASE).toUriString())
			.add("changeset", changeset)
			.add("type", "production")
			.add("formats",
					new GeoReportDocument.Items("format",
							List.of(new GeoReportDocument.Value(GeoReportDocument.Format.XML.mimeType()),
									new GeoReportDocument.Value(GeoReportDocument.Format.JSON.mimeType()))))
			.build();
		return answer(format, HttpStatus.OK, "discovery",
				GeoReportDocument.Struct.builder()
					.add("changeset", changeset)
					.add("contact", text("open311.discovery.contact"))
					.add("key_service", text("open311.discovery.keyService"))
					.add("endpoints", new GeoReportDocument.Items("endpoint", List.of(endpoint)))
					.build());
	}

	@GetMapping("/services." + FORMAT)
	@Operation(summary = "GET Service List: the active appeal categories")
	ResponseEntity<String> services(@PathVariable String format, @AuthenticationPrincipal @Nullable Open311Caller key,
			HttpServletRequest request,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdictionId) {
		CommunityId community = this.jurisdictions.resolve(caller(request, key, false), jurisdictionId);
		List<AppealCategory> tree = this.categories.tree(community);
		Map<String, AppealCategory> byCode = tree.stream()
			.collect(Collectors.toMap(AppealCategory::code, Function.identity()));
		Map<String, Department> departments = departments(community);
		List<GeoReportDocument.Struct> services = tree.stream()
			.filter(AppealCategory::active)
			.map((category) -> service(category, byCode.get(category.parentCode()),
					departments.get(category.departmentCode())))
			.toList();
		return answer(format, HttpStatus.OK, "services", new GeoReportDocument.Items("service", services));
	}

	@GetMapping("/services/{serviceCode}." + FORMAT)
	@Operation(summary = "GET Service Definition",
			description = "No service has metadata, so every definition has no attributes.")
	ResponseEntity<String> definition(@PathVariable String serviceCode, @PathVariable String format,
			@AuthenticationPrincipal @Nullable Open311Caller key, HttpServletRequest request,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdictionId) {
		CommunityId community = this.jurisdictions.resolve(caller(request, key, false), jurisdictionId);
		AppealCategory category = this.requests.service(community, serviceCode);
		return answer(format, HttpStatus.OK, "service_definition",
				GeoReportDocument.Struct.builder()
					.add("service_code", category.code())
					.add("attributes", new GeoReportDocument.Items("attribute", List.of()))
					.build());
	}

	@PostMapping("/requests." + FORMAT)
	@Operation(summary = "POST Service Request",
			description = "Form-encoded, with api_key. Takes lat and long or address_string; "
					+ "first_name or last_name and a description are required because an appeal needs them. "
					+ "Answers 201 with the service_request_id, the appeal's number. "
					+ "Each key may send 60 requests a minute; beyond that it gets 429 with Retry-After.")
	ResponseEntity<String> submit(@PathVariable String format, @AuthenticationPrincipal @Nullable Open311Caller key,
			HttpServletRequest request,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdictionId,
			@RequestParam(name = "service_code", required = false) @Nullable String serviceCode,
			@RequestParam(name = "lat", required = false) @Nullable String lat,
			@RequestParam(name = "long", required = false) @Nullable String longitude,
			@RequestParam(name = "address_string", required = false) @Nullable String addressString,
			@RequestParam(name = "first_name", required = false) @Nullable String firstName,
			@RequestParam(name = "last_name", required = false) @Nullable String lastName,
			@RequestParam(name = "phone", required = false) @Nullable String phone,
			@RequestParam(name = "description", required = false) @Nullable String description,
			@RequestParam(name = "media_url", required = false) @Nullable String mediaUrl) {
		Open311Caller caller = required(caller(request, key, true));
		this.jurisdictions.resolve(caller, jurisdictionId);
		AppealView appeal = this.requests.submit(caller, new NewRequest(serviceCode, lat, longitude, addressString,
				firstName, lastName, phone, description, mediaUrl));
		GeoReportDocument.Struct created = GeoReportDocument.Struct.builder()
			.add("service_request_id", appeal.number())
			.add("service_notice", notice(appeal))
			.add("account_id", null)
			.build();
		return ResponseEntity.created(URI.create(BASE + "/requests/" + appeal.number() + "." + format))
			.contentType(GeoReportDocument.Format.of(format).mediaType())
			.body(document("service_requests", new GeoReportDocument.Items("request", List.of(created)), format));
	}

	@GetMapping("/requests." + FORMAT)
	@Operation(summary = "GET Service Requests",
			description = "Needs api_key (Anju's one deviation from the spec); a key sees only the requests it sent.")
	ResponseEntity<String> list(@PathVariable String format, @AuthenticationPrincipal @Nullable Open311Caller key,
			HttpServletRequest request,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdictionId,
			@RequestParam(name = "service_request_id", required = false) @Nullable String ids,
			@RequestParam(name = "service_code", required = false) @Nullable String codes,
			@RequestParam(name = "start_date", required = false) @Nullable String startDate,
			@RequestParam(name = "end_date", required = false) @Nullable String endDate,
			@RequestParam(name = "status", required = false) @Nullable String status) {
		Open311Caller caller = required(caller(request, key, true));
		this.jurisdictions.resolve(caller, jurisdictionId);
		List<String> statuses = commaList(status);
		if (statuses.stream().anyMatch((s) -> !s.equals("open") && !s.equals("closed"))) {
			throw new GeoReportError(HttpStatus.BAD_REQUEST, "open311.error.status");
		}
		return requests(format, caller, this.requests.find(caller, new ServiceRequests.RequestQuery(commaList(ids),
				commaList(codes), moment(startDate, "start_date"), moment(endDate, "end_date"), statuses)));
	}

	@GetMapping("/requests/{serviceRequestId}." + FORMAT)
	@Operation(summary = "GET Service Request",
			description = "Needs api_key (Anju's one deviation from the spec); another key's request is not found.")
	ResponseEntity<String> get(@PathVariable String serviceRequestId, @PathVariable String format,
			@AuthenticationPrincipal @Nullable Open311Caller key, HttpServletRequest request,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdictionId) {
		Open311Caller caller = required(caller(request, key, true));
		this.jurisdictions.resolve(caller, jurisdictionId);
		ServiceRequests.ServiceRequest found = this.requests.get(caller, serviceRequestId)
			.orElseThrow(
					() -> new GeoReportError(HttpStatus.NOT_FOUND, "open311.error.requestUnknown", serviceRequestId));
		return requests(format, caller, List.of(found));
	}

	@GetMapping("/tokens/{token}." + FORMAT)
	@Operation(summary = "GET service_request_id from a token",
			description = "Every service is realtime, so no token is issued and every token is not found.")
	ResponseEntity<String> token(@PathVariable String token, @PathVariable String format,
			@AuthenticationPrincipal @Nullable Open311Caller key, HttpServletRequest request,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdictionId) {
		this.jurisdictions.resolve(caller(request, key, false), jurisdictionId);
		throw new GeoReportError(HttpStatus.NOT_FOUND, "open311.error.tokenUnknown", token);
	}

	/**
	 * Anything else under the base, such as an unknown resource or format, is not found,
	 * answered in the spec's format rather than as a page.
	 */
	@RequestMapping("/**")
	ResponseEntity<String> unknown() {
		throw new GeoReportError(HttpStatus.NOT_FOUND, "open311.error.notFound");
	}

	/**
	 * @return the format a resource asks for by its extension; XML, the spec's required
	 * format, unless it ends in {@code .json}
	 */
	static GeoReportDocument.Format format(HttpServletRequest request) {
		String path = request.getRequestURI();
		return GeoReportDocument.Format.of(path.substring(path.lastIndexOf('.') + 1));
	}

	/**
	 * @param required whether the method needs a key
	 * @throws GeoReportError 403 for a key that was sent and is not valid, or a missing
	 * key where one is needed
	 */
	private static @Nullable Open311Caller caller(HttpServletRequest request, @Nullable Open311Caller key,
			boolean required) {
		if (request.getAttribute(ApiKeyFilter.INVALID_KEY) != null) {
			throw new GeoReportError(HttpStatus.FORBIDDEN, "open311.error.apiKeyInvalid");
		}
		if (key == null && required) {
			throw new GeoReportError(HttpStatus.FORBIDDEN, "open311.error.apiKeyMissing");
		}
		return key;
	}

	private static Open311Caller required(@Nullable Open311Caller caller) {
		if (caller == null) {
			throw new IllegalStateException("a key was required");
		}
		return caller;
	}

	private ResponseEntity<String> requests(String format, Open311Caller caller,
			List<ServiceRequests.ServiceRequest> found) {
		Map<String, AppealCategory> categories = this.categories.tree(caller.community())
			.stream()
			.collect(Collectors.toMap(AppealCategory::code, Function.identity()));
		Map<String, Department> departments = departments(caller.community());
		Locale locale = LocaleContextHolder.getLocale();
		List<GeoReportDocument.Struct> items = found.stream().map((request) -> {
			AppealView appeal = request.appeal();
			String status = ServiceRequests.status(appeal.state());
			AppealCategory category = categories.get(appeal.categoryCode());
			Department department = (appeal.departmentCode() != null) ? departments.get(appeal.departmentCode()) : null;
			return GeoReportDocument.Struct.builder()
				.add("service_request_id", appeal.number())
				.add("status", status)
				.add("status_notes", "closed".equals(status) ? appeal.reply() : null)
				.add("service_name", (category != null) ? category.name(locale) : appeal.categoryCode())
				.add("service_code", appeal.categoryCode())
				.add("description", appeal.description())
				.add("agency_responsible", (department != null) ? department.name(locale) : null)
				.add("service_notice", notice(appeal))
				.add("requested_datetime", w3c(appeal.receivedAt()))
				.add("updated_datetime", w3c(request.tracked().updatedAt()))
				.add("expected_datetime", w3c(appeal.dueAt()))
				.add("address", request.tracked().address())
				.add("address_id", null)
				.add("zipcode", null)
				.add("lat", request.tracked().lat())
				.add("long", request.tracked().longitude())
				.add("media_url", request.tracked().mediaUrl())
				.build();
		}).toList();
		return answer(format, HttpStatus.OK, "service_requests", new GeoReportDocument.Items("request", items));
	}

	private GeoReportDocument.Struct service(AppealCategory category, @Nullable AppealCategory parent,
			@Nullable Department department) {
		Locale locale = LocaleContextHolder.getLocale();
		String departmentName = (department != null) ? department.name(locale) : category.departmentCode();
		return GeoReportDocument.Struct.builder()
			.add("service_code", category.code())
			.add("service_name", category.name(locale))
			.add("description", text("open311.service.description", departmentName, category.limitDays()))
			.add("metadata", false)
			.add("type", "realtime")
			.add("keywords", String.join(", ", category.nameZh(), category.nameEn()))
			// a top-level category is its own group, so that every service has one
			.add("group", ((parent != null) ? parent : category).name(locale))
			.build();
	}

	private String notice(AppealView appeal) {
		return text("open311.service.notice", appeal.number(), appeal.dueDate().toString());
	}

	private Map<String, Department> departments(CommunityId community) {
		return this.departments.all(community)
			.stream()
			.collect(Collectors.toMap(Department::code, Function.identity()));
	}

	/**
	 * The spec's changeset must sort later whenever the services change. Categories are
	 * never deleted and every change raises a version, so their number plus the sum of
	 * their versions only grows.
	 */
	private static String changeset(List<AppealCategory> categories) {
		long changes = categories.size() + categories.stream().mapToLong(AppealCategory::version).sum();
		return String.format("%012d", changes);
	}

	/**
	 * @return a moment in the W3C profile of ISO 8601 that the spec demands, in China's
	 * time with its offset, e.g. {@code 2026-05-12T10:00:00+08:00}
	 */
	static String w3c(Instant instant) {
		return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), SHANGHAI)
			.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	/**
	 * Reads {@code start_date} or {@code end_date} in the W3C profile: a moment with
	 * {@code Z} or an offset, or a bare day, which starts at midnight in China.
	 */
	private static @Nullable Instant moment(@Nullable String text, String parameter) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException notMoment) {
			try {
				return LocalDate.parse(text.strip()).atStartOfDay(SHANGHAI).toInstant();
			}
			catch (DateTimeParseException notDay) {
				throw new GeoReportError(HttpStatus.BAD_REQUEST, "open311.error.date", parameter);
			}
		}
	}

	private static List<String> commaList(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return Arrays.stream(text.split(",")).map(String::strip).filter((s) -> !s.isEmpty()).distinct().toList();
	}

	private ResponseEntity<String> answer(String format, HttpStatus status, String root, GeoReportDocument.Node body) {
		return ResponseEntity.status(status)
			.contentType(GeoReportDocument.Format.of(format).mediaType())
			.body(document(root, body, format));
	}

	private String document(String root, GeoReportDocument.Node body, String format) {
		return new GeoReportDocument(root, body).write(GeoReportDocument.Format.of(format), this.json);
	}

	private String text(String code, Object... args) {
		return this.messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

}
