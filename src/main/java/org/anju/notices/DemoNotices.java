package org.anju.notices;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.anju.identity.CurrentUser;
import org.anju.identity.SignedIn;
import org.anju.identity.UserManagement;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code anju.demo=true}, after the demo people are in: a power outage on now in the
 * first two buildings, so that their residents see it on the portal and intake shows its
 * talking points. Only when the community has no notice yet.
 */
@Component
@ConditionalOnProperty(name = "anju.demo", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DemoNotices implements ApplicationRunner {

	private final Notices notices;

	private final PlaceManagement places;

	private final UserManagement users;

	private final Clock clock;

	private final CommunityId community;

	DemoNotices(Notices notices, PlaceManagement places, UserManagement users, Clock clock,
			@Value("${anju.community-id:1}") long community) {
		this.notices = notices;
		this.places = places;
		this.users = users;
		this.clock = clock;
		this.community = new CommunityId(community);
	}

	@Override
	public void run(ApplicationArguments args) {
		try (SignedIn signedIn = this.users.signInAdministrator(this.community)) {
			CurrentUser admin = signedIn.user();
			List<Place> buildings = this.places.list(admin.scope(), PlaceKind.BUILDING, null);
			if (buildings.size() >= 2 && this.notices.list(admin, false, null).isEmpty()) {
				this.notices.create(admin, new NoticeForm(Utility.POWER, "线路检修停电", "因线路检修停电，请提前做好准备，电梯暂停使用。",
						"线路检修，今日 18:00 前恢复供电；行动不便的老人需要帮助请登记姓名和房号，网格员上门。",
						this.clock.instant().minus(Duration.ofHours(1)), this.clock.instant().plus(Duration.ofHours(8)),
						List.of(buildings.get(0).id(), buildings.get(1).id())));
			}
		}
	}

}
