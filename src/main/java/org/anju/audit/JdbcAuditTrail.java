package org.anju.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.anju.platform.BeforeCommit;
import org.anju.shared.BadParameter;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.Phone;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail on PostgreSQL: rows are inserted unsealed in the caller's transaction,
 * together as it commits; the {@link AuditChainer} seals them shortly after commit.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

	private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final AuditChainer chainer;

	/**
	 * The rows of {@link #recordBeforeCommit}, written together as their transaction
	 * commits.
	 */
	private final BeforeCommit<Row> rows = new BeforeCommit<>(this::insert);

	JdbcAuditTrail(JdbcClient jdbc, ObjectMapper json, AuditChainer chainer) {
		this.jdbc = jdbc;
		this.json = json;
		this.chainer = chainer;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(CommunityId community, String action, String subjectType, Object subjectId,
			Map<String, ?> detail) {
		insert(List.of(row(community, currentActor(), action, subjectType, subjectId, detail)));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordBeforeCommit(CommunityId community, String action, String subjectType, Object subjectId,
			Map<String, ?> detail) {
		this.rows.add(row(community, currentActor(), action, subjectType, subjectId, detail));
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordAlone(CommunityId community, String actor, String action, String subjectType, Object subjectId,
			Map<String, ?> detail) {
		insert(List.of(row(community, actor, action, subjectType, subjectId, detail)));
	}

	/**
	 * A row as it is written, with who and from where taken now, from the request this
	 * thread serves. A resident's username is their mobile: it is masked here, as the
	 * actor and as the subject of a failed login, so that no caller has to remember to.
	 */
	private Row row(CommunityId community, String actor, String action, String subjectType, Object subjectId,
			Map<String, ?> detail) {
		return new Row(community.value(), Phone.maskIfMobile(actor), currentAddress(), action, subjectType,
				Phone.maskIfMobile(String.valueOf(subjectId)), this.json.writeValueAsString(detail));
	}

	/**
	 * Writes rows in one statement, in their order.
	 */
	private void insert(List<Row> rows) {
		this.jdbc.sql("""
				insert into audit_event (community_id, actor, actor_ip, action, subject_type, subject_id, detail)
				select c, actor, ip, action, subject_type, subject_id, cast(detail as jsonb)
				from unnest(cast(:communities as bigint[]), cast(:actors as text[]), cast(:ips as text[]),
				            cast(:actions as text[]), cast(:subjectTypes as text[]), cast(:subjectIds as text[]),
				            cast(:details as text[]))
				  with ordinality as r(c, actor, ip, action, subject_type, subject_id, detail, n)
				order by n
				""")
			.param("communities", rows.stream().map(Row::community).toArray(Long[]::new))
			.param("actors", rows.stream().map(Row::actor).toArray(String[]::new))
			.param("ips", rows.stream().map(Row::ip).toArray(String[]::new))
			.param("actions", rows.stream().map(Row::action).toArray(String[]::new))
			.param("subjectTypes", rows.stream().map(Row::subjectType).toArray(String[]::new))
			.param("subjectIds", rows.stream().map(Row::subjectId).toArray(String[]::new))
			.param("details", rows.stream().map(Row::detail).toArray(String[]::new))
			.update();
	}

	private record Row(long community, String actor, @Nullable String ip, String action, String subjectType,
			String subjectId, String detail) {
	}

	@Override
	@Transactional(readOnly = true)
	public AuditPage find(CommunityId community, AuditFilter filter, @Nullable String cursor, int size) {
		Long before = null;
		if (cursor != null && !cursor.isBlank()) {
			try {
				before = Long.parseLong(cursor);
			}
			catch (NumberFormatException ex) {
				throw new BadParameter("cursor", "cursor.invalid");
			}
		}
		List<AuditEntry> rows = new ArrayList<>(this.jdbc.sql("""
				select id, at, actor, actor_ip, action, subject_type, subject_id, detail::text as detail,
				       hash is not null as sealed
				from audit_event
				where community_id = :community
				  and (cast(:before as bigint) is null or id < :before)
				  and (cast(:actor as text) is null or actor = :actor)
				  and (cast(:action as text) is null or action = :action)
				  and (cast(:subjectType as text) is null or subject_type = :subjectType)
				  and (cast(:subjectId as text) is null or subject_id = :subjectId)
				  and (cast(:from as timestamptz) is null or at >= :from)
				  and (cast(:to as timestamptz) is null or at < :to)
				order by id desc
				limit :limit
				""")
			.param("community", community.value())
			.param("before", before)
			.param("actor", blankToNull(filter.actor()))
			.param("action", blankToNull(filter.action()))
			.param("subjectType", blankToNull(filter.subjectType()))
			.param("subjectId", blankToNull(filter.subjectId()))
			.param("from", (filter.from() != null) ? Timestamp.from(filter.from()) : null)
			.param("to", (filter.to() != null) ? Timestamp.from(filter.to()) : null)
			.param("limit", size + 1)
			.query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
					rs.getString("actor_ip"), rs.getString("action"), rs.getString("subject_type"),
					rs.getString("subject_id"), this.json.readValue(rs.getString("detail"), DETAIL),
					rs.getBoolean("sealed")))
			.list());
		String next = null;
		if (rows.size() > size) {
			rows.remove(size);
			next = Long.toString(rows.get(size - 1).id());
		}
		return new AuditPage(rows, next);
	}

	@Override
	public ChainVerification verify(CommunityId community) {
		this.chainer.seal(community);
		return this.chainer.walk(community);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.isAuthenticated()) ? authentication.getName() : "system";
	}

	private static @Nullable String currentAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
