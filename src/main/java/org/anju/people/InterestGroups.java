package org.anju.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.anju.audit.AuditTrail;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The community's interest groups: editable reference data with stable codes. A group in
 * use is deactivated, never deleted.
 */
@Service
@Transactional
public class InterestGroups {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	InterestGroups(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * @return every group, active or not, in the usual order
	 */
	@Transactional(readOnly = true)
	public List<InterestGroup> all(CommunityId community) {
		return this.jdbc.sql("""
				select code, name_zh, name_en, active from interest_group where community_id = :c order by sort, code
				""").param("c", community.value()).query(InterestGroup.class).list();
	}

	@Transactional(readOnly = true)
	public Map<String, InterestGroup> byCode(CommunityId community) {
		Map<String, InterestGroup> groups = new LinkedHashMap<>();
		all(community).forEach((group) -> groups.put(group.code(), group));
		return groups;
	}

	/**
	 * Finds a group by its code or by its Chinese or English name, as a roster names it.
	 */
	@Transactional(readOnly = true)
	public Optional<InterestGroup> find(CommunityId community, String codeOrName) {
		String key = codeOrName.strip();
		return all(community).stream()
			.filter((group) -> group.code().equalsIgnoreCase(key) || group.nameZh().equals(key)
					|| group.nameEn().equalsIgnoreCase(key))
			.findFirst();
	}

	public InterestGroup create(CommunityId community, String code, String nameZh, String nameEn) {
		String cleanCode = code.strip().toUpperCase();
		if (!CODE.matcher(cleanCode).matches()) {
			throw new InvalidInput("code", "group.code.format");
		}
		String zh = requireName(nameZh, "nameZh");
		String en = requireName(nameEn, "nameEn");
		try {
			this.jdbc.sql("""
					insert into interest_group (community_id, code, name_zh, name_en, sort)
					values (:c, :code, :zh, :en,
					        (select coalesce(max(sort), 0) + 10 from interest_group where community_id = :c))
					""")
				.param("c", community.value())
				.param("code", cleanCode)
				.param("zh", zh)
				.param("en", en)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new Refused("group.taken", cleanCode, zh);
		}
		this.audit.record(community, "GROUP_CREATED", "GROUP", cleanCode, Map.of("nameZh", zh, "nameEn", en));
		return new InterestGroup(cleanCode, zh, en, true);
	}

	public InterestGroup update(CommunityId community, String code, String nameZh, String nameEn, boolean active) {
		InterestGroup before = all(community).stream()
			.filter((group) -> group.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new NotFound("group", code));
		String zh = requireName(nameZh, "nameZh");
		String en = requireName(nameEn, "nameEn");
		try {
			this.jdbc.sql("""
					update interest_group set name_zh = :zh, name_en = :en, active = :active
					where community_id = :c and code = :code
					""")
				.param("c", community.value())
				.param("code", code)
				.param("zh", zh)
				.param("en", en)
				.param("active", active)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new Refused("group.taken", code, zh);
		}
		InterestGroup after = new InterestGroup(code, zh, en, active);
		this.audit.record(community, "GROUP_UPDATED", "GROUP", code, Map.of("before", before, "after", after));
		return after;
	}

	private static String requireName(String name, String field) {
		String clean = name.strip();
		if (clean.isEmpty() || clean.length() > 40) {
			throw new InvalidInput(field, "group.name.length");
		}
		return clean;
	}

}
