package org.anju.open311;

import java.util.List;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which community a GeoReport request is about. A key names its own community, and no
 * parameter overrides it. The methods that need no key (discovery, services, tokens) take
 * the spec's {@code jurisdiction_id}, which is the community's number, and need it only
 * when the deployment hosts several communities.
 */
@Component
class Jurisdictions {

	private final JdbcClient jdbc;

	Jurisdictions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @throws GeoReportError 404 for a {@code jurisdiction_id} that names no community,
	 * or another than the key's; 400 when it is needed and missing
	 */
	CommunityId resolve(@Nullable Open311Caller caller, @Nullable String jurisdictionId) {
		String wanted = (jurisdictionId != null) ? jurisdictionId.strip() : "";
		if (caller != null) {
			if (!wanted.isEmpty() && !wanted.equals(Long.toString(caller.community().value()))) {
				throw new GeoReportError(HttpStatus.NOT_FOUND, "open311.error.jurisdictionUnknown", wanted);
			}
			return caller.community();
		}
		if (!wanted.isEmpty()) {
			return this.jdbc.sql("select id from community where cast(id as text) = :id")
				.param("id", wanted)
				.query(Long.class)
				.optional()
				.map(CommunityId::new)
				.orElseThrow(
						() -> new GeoReportError(HttpStatus.NOT_FOUND, "open311.error.jurisdictionUnknown", wanted));
		}
		List<Long> communities = this.jdbc.sql("select id from community order by id limit 2").query(Long.class).list();
		if (communities.size() != 1) {
			throw new GeoReportError(HttpStatus.BAD_REQUEST, "open311.error.jurisdictionMissing");
		}
		return new CommunityId(communities.get(0));
	}

}
