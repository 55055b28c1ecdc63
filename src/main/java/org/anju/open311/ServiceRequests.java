package org.anju.open311;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealChanged;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealState;
import org.anju.appeals.AppealView;
import org.anju.appeals.Channel;
import org.anju.appeals.NewAppeal;
import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service requests: appeals that came in through an Open311 key. Each is an appeal on
 * channel {@code OPEN311} taken in like any other, plus a row here that names the key, so
 * that a key sees only its own requests, and keeps what the spec returns and the appeal
 * does not hold. The appeals module does not know about this row.
 */
@Service
@Transactional
class ServiceRequests {

	/** The spec's longest description. */
	static final int DESCRIPTION_MAX = 4000;

	/** The spec's default and widest window of GET requests, and its most answers. */
	static final Duration WINDOW = Duration.ofDays(90);

	static final int LIMIT = 1000;

	private static final Duration RATE_WINDOW = Duration.ofMinutes(1);

	private static final int TITLE_MAX = 30;

	private final JdbcClient jdbc;

	private final AppealManagement appeals;

	private final AppealCategories categories;

	private final Clock clock;

	private final int postsPerMinute;

	ServiceRequests(JdbcClient jdbc, AppealManagement appeals, AppealCategories categories, Clock clock,
			@Value("${anju.open311.posts-per-minute:60}") int postsPerMinute) {
		this.jdbc = jdbc;
		this.appeals = appeals;
		this.categories = categories;
		this.clock = clock;
		this.postsPerMinute = postsPerMinute;
	}

	/**
	 * Takes a request in as an appeal of the key's community.
	 * @throws GeoReportError 404 for an unknown service code, 400 listing every other
	 * problem, 403 when the key was revoked meanwhile, 429 when the key sent too many
	 * requests within the last minute
	 * @throws org.anju.shared.InvalidInput when the appeal breaks a rule of intake, such
	 * as a malformed phone
	 */
	AppealView submit(Open311Caller caller, NewRequest request) {
		CommunityId community = caller.community();
		AppealCategory category = service(community, request.serviceCode());
		List<GeoReportError.Problem> problems = request.problems();
		if (!problems.isEmpty()) {
			throw new GeoReportError(HttpStatus.BAD_REQUEST, problems, 0);
		}
		throttle(caller);
		String description = request.appealDescription();
		AppealView appeal = this.appeals.submitFromOutside(community, caller.getName(),
				new NewAppeal(null, request.callerName(), request.phone(), List.of(), category.code(), Channel.OPEN311,
						title(request.description()), description, null, null, false, false, null));
		this.jdbc.sql("""
				insert into open311_request (community_id, appeal_id, key_id, service_request_id, service_code, address,
				                             lat, long, media_url, requested_at, updated_at)
				values (:c, :appeal, :key, :number, :code, :address, :lat, :long, :media, :at, :at)
				""")
			.param("c", community.value())
			.param("appeal", appeal.id())
			.param("key", caller.keyId())
			.param("number", appeal.number())
			.param("code", category.code())
			.param("address", blankToNull(request.addressString()))
			.param("lat", request.lat())
			.param("long", request.longitude())
			.param("media", blankToNull(request.mediaUrl()))
			.param("at", Timestamp.from(appeal.receivedAt()))
			.update();
		return appeal;
	}

	/**
	 * @return an active category of the community, as a service
	 * @throws GeoReportError 400 without a code, 404 for a code that is unknown or
	 * retired
	 */
	@Transactional(readOnly = true)
	AppealCategory service(CommunityId community, @Nullable String serviceCode) {
		if (serviceCode == null || serviceCode.isBlank()) {
			throw new GeoReportError(HttpStatus.BAD_REQUEST, "open311.error.serviceCodeMissing");
		}
		return this.categories.find(community, serviceCode.strip())
			.filter(AppealCategory::active)
			.orElseThrow(() -> new GeoReportError(HttpStatus.NOT_FOUND, "open311.error.serviceCodeUnknown",
					serviceCode.strip()));
	}

	/**
	 * @return the key's requests that match, newest first, at most {@value #LIMIT}; never
	 * {@literal null}
	 * @throws GeoReportError 400 for a window wider than 90 days or ending before it
	 * starts
	 */
	@Transactional(readOnly = true)
	List<ServiceRequest> find(Open311Caller caller, RequestQuery query) {
		boolean byId = !query.serviceRequestIds().isEmpty();
		Instant start = query.start();
		Instant end = query.end();
		if (start == null) {
			end = (end != null) ? end : this.clock.instant();
			start = end.minus(WINDOW);
		}
		else if (end == null) {
			end = start.plus(WINDOW);
		}
		if (!byId && (start.isAfter(end) || start.plus(WINDOW).isBefore(end))) {
			throw new GeoReportError(HttpStatus.BAD_REQUEST, "open311.error.dateRange");
		}
		List<Tracked> tracked = this.jdbc.sql("""
				select * from open311_request
				where community_id = :c and key_id = :key
				  and (not :byId or service_request_id = any(:ids))
				  and (:byId or (requested_at >= :start and requested_at <= :end
				                 and (cardinality(:codes) = 0 or service_code = any(:codes))
				                 and (cardinality(:statuses) = 0 or status = any(:statuses))))
				order by requested_at desc, appeal_id desc
				limit :limit
				""")
			.param("c", caller.community().value())
			.param("key", caller.keyId())
			.param("byId", byId)
			.param("ids", query.serviceRequestIds().toArray(String[]::new))
			.param("start", Timestamp.from(start))
			.param("end", Timestamp.from(end))
			.param("codes", query.serviceCodes().toArray(String[]::new))
			.param("statuses", query.statuses().toArray(String[]::new))
			.param("limit", LIMIT)
			.query(ServiceRequests::tracked)
			.list();
		return withAppeals(caller.community(), tracked);
	}

	/**
	 * @return the request, if this key sent it
	 */
	@Transactional(readOnly = true)
	Optional<ServiceRequest> get(Open311Caller caller, String serviceRequestId) {
		List<Tracked> tracked = this.jdbc.sql("""
				select * from open311_request
				where community_id = :c and key_id = :key and service_request_id = :id
				""")
			.param("c", caller.community().value())
			.param("key", caller.keyId())
			.param("id", serviceRequestId)
			.query(ServiceRequests::tracked)
			.list();
		return withAppeals(caller.community(), tracked).stream().findFirst();
	}

	/**
	 * Keeps a request's status, which GET requests filters on, and its time of last
	 * change in step with its appeal, in the transaction of the appeal's step. Appeals
	 * that did not come through Open311 have no row, and nothing changes.
	 */
	@EventListener
	void on(AppealChanged changed) {
		this.jdbc.sql("""
				update open311_request set status = :status, updated_at = :at
				where community_id = :c and appeal_id = :appeal
				""")
			.param("status", status(changed.state()))
			.param("at", Timestamp.from(this.clock.instant()))
			.param("c", changed.community().value())
			.param("appeal", changed.appealId())
			.update();
	}

	/**
	 * The spec's two statuses: an appeal is {@code closed} once it is resolved, even
	 * while the callback is pending, because the work is done and the reply given.
	 */
	static String status(AppealState state) {
		return (state == AppealState.RESOLVED || state == AppealState.CLOSED) ? "closed" : "open";
	}

	/**
	 * Refuses a key's request beyond its allowance of the last minute. The key's row is
	 * locked first, so that two nodes count one after the other, and a key revoked since
	 * the request began is refused here.
	 */
	private void throttle(Open311Caller caller) {
		boolean live = this.jdbc
			.sql("select true from open311_key where community_id = :c and id = :key and revoked_at is null for update")
			.param("c", caller.community().value())
			.param("key", caller.keyId())
			.query(Boolean.class)
			.optional()
			.isPresent();
		if (!live) {
			throw new GeoReportError(HttpStatus.FORBIDDEN, "open311.error.apiKeyInvalid");
		}
		Instant now = this.clock.instant();
		Map<String, Object> recent = this.jdbc.sql("""
				select count(*) as sent, min(requested_at) as oldest from open311_request
				where community_id = :c and key_id = :key and requested_at > :since
				""")
			.param("c", caller.community().value())
			.param("key", caller.keyId())
			.param("since", Timestamp.from(now.minus(RATE_WINDOW)))
			.query()
			.singleRow();
		if (((Number) recent.get("sent")).intValue() >= this.postsPerMinute) {
			Instant free = ((Timestamp) recent.get("oldest")).toInstant().plus(RATE_WINDOW);
			long wait = Math.max(1, (Duration.between(now, free).toMillis() + 999) / 1000);
			throw new GeoReportError(HttpStatus.TOO_MANY_REQUESTS,
					List.of(new GeoReportError.Problem("open311.error.tooMany", this.postsPerMinute, wait)), wait);
		}
	}

	private List<ServiceRequest> withAppeals(CommunityId community, List<Tracked> tracked) {
		Map<Long, AppealView> appeals = this.appeals
			.findForOutside(community, tracked.stream().map(Tracked::appealId).toList())
			.stream()
			.collect(Collectors.toMap(AppealView::id, Function.identity()));
		List<ServiceRequest> found = new ArrayList<>();
		for (Tracked row : tracked) {
			AppealView appeal = appeals.get(row.appealId());
			if (appeal != null) {
				found.add(new ServiceRequest(row, appeal));
			}
		}
		return found;
	}

	/**
	 * The appeal's title: the description's first line, shortened.
	 */
	private static String title(@Nullable String description) {
		String first = String.valueOf(description).strip().lines().findFirst().orElse("").strip();
		return (first.length() <= TITLE_MAX) ? first : first.substring(0, TITLE_MAX - 1) + "…";
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static Tracked tracked(ResultSet rs, int row) throws SQLException {
		return new Tracked(rs.getLong("appeal_id"), rs.getString("service_request_id"), rs.getString("service_code"),
				rs.getString("address"), (Double) rs.getObject("lat"), (Double) rs.getObject("long"),
				rs.getString("media_url"), rs.getTimestamp("requested_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	/**
	 * What this module keeps of a request: its key's view of the appeal.
	 */
	record Tracked(long appealId, String serviceRequestId, String serviceCode, @Nullable String address,
			@Nullable Double lat, @Nullable Double longitude, @Nullable String mediaUrl, Instant requestedAt,
			Instant updatedAt) {
	}

	/**
	 * A request with its appeal as it is now.
	 */
	record ServiceRequest(Tracked tracked, AppealView appeal) {
	}

	/**
	 * The filters of GET requests, already parsed: ids override all the others. Without
	 * dates the window is the last 90 days; with one date, the 90 days from or up to it.
	 */
	record RequestQuery(List<String> serviceRequestIds, List<String> serviceCodes, @Nullable Instant start,
			@Nullable Instant end, List<String> statuses) {
	}

}
