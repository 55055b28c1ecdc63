package org.anju.people;

import java.util.Optional;

import org.anju.identity.ResidentDirectory;
import org.anju.shared.CommunityId;
import org.anju.shared.Phone;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells identity who a person is when staff open a portal account for them. Only a
 * person's own mobile names an account; a landline does not, and nor does anything about
 * someone who has died.
 */
@Component
class PortalAccounts implements ResidentDirectory {

	private final JdbcClient jdbc;

	PortalAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Resident> find(CommunityId community, long personId) {
		return this.jdbc
			.sql("select name, phone from person where community_id = :c and id = :id and status <> 'DECEASED'")
			.param("c", community.value())
			.param("id", personId)
			.query((rs, n) -> {
				String phone = rs.getString("phone");
				String mobile = (phone != null && Phone.parse(phone).isMobile()) ? Phone.parse(phone).value() : null;
				return new Resident(personId, rs.getString("name"), mobile);
			})
			.optional();
	}

}
