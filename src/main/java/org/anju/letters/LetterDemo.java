package org.anju.letters;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.Channel;
import org.anju.appeals.NewAppeal;
import org.anju.duty.Organisation;
import org.anju.duty.Organisation.PostRef;
import org.anju.duty.Organisation.UnitRef;
import org.anju.identity.CurrentUser;
import org.anju.identity.SignedIn;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.letters.LetterForm.TargetForm;
import org.anju.shared.CommunityId;
import org.anju.shared.Territory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's responsibility letter ({@code anju.demo=true}), once the demo's posts are
 * filled: the administration's letter for the year to the first area's head, signed by
 * the head, scoring live from that area's appeals and cases, and a collective appeal
 * planted in that area, which trips the letter's one-vote veto; the letter's page shows
 * the appeal behind it. It lives in letters, as duty's demo lives in duty, so that
 * nothing depends on letters but reporting.
 */
@Component
@ConditionalOnProperty(name = "anju.demo", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class LetterDemo implements ApplicationRunner {

	static final String TITLE = "2026 年度稳定工作目标责任书";

	private static final Logger log = LoggerFactory.getLogger(LetterDemo.class);

	private final Letters letters;

	private final Organisation organisation;

	private final UserManagement users;

	private final AppealManagement appeals;

	private final AppealCategories categories;

	private final TransactionTemplate transaction;

	private final CommunityId community;

	LetterDemo(Letters letters, Organisation organisation, UserManagement users, AppealManagement appeals,
			AppealCategories categories, TransactionTemplate transaction,
			@Value("${anju.community-id:1}") long community) {
		this.letters = letters;
		this.organisation = organisation;
		this.users = users;
		this.appeals = appeals;
		this.categories = categories;
		this.transaction = transaction;
		this.community = new CommunityId(community);
	}

	@Override
	public void run(ApplicationArguments args) {
		try (SignedIn signedIn = this.users.signInAdministrator(this.community)) {
			if (this.letters.all(this.community, null).isEmpty()) {
				this.transaction.executeWithoutResult((status) -> plant(signedIn.user())
					.ifPresent((letter) -> log.info("Demo letter {} to {} signed, with a planted collective appeal",
							letter.id(), letter.recipient())));
			}
		}
	}

	/**
	 * @return the letter, empty when the tree has no area whose post has a holder
	 */
	Optional<Letter> plant(CurrentUser admin) {
		CommunityId community = admin.community();
		List<UnitRef> units = this.organisation.units(community);
		Optional<UnitRef> administration = units.stream().filter((u) -> u.kind().equals("ADMINISTRATION")).findFirst();
		for (UnitRef area : units.stream().filter((u) -> u.kind().equals("AREA")).toList()) {
			Optional<PostRef> post = this.organisation.posts(community, area.id())
				.stream()
				.filter((p) -> p.holderId() != null)
				.findFirst();
			List<UnitRef> grids = this.organisation.children(community, area.id());
			if (post.isEmpty() || administration.isEmpty() || grids.isEmpty()) {
				continue;
			}
			int year = java.time.LocalDate.now(Territory.ZONE).getYear();
			Letter letter = this.letters.create(admin, new LetterForm(TITLE.replace("2026", String.valueOf(year)),
					administration.get().id(), area.id(), post.get().id(), year, null, null, targets()));
			UserAccount head = this.users.get(community, post.get().holderId());
			this.letters.sign(new CurrentUser(community.value(), head.id(), head.username(), head.displayName(),
					head.role(), head.gridIds(), head.departmentCode(), head.personId(), false), letter.id(), 1);
			AppealCategory category = this.categories.tree(community)
				.stream()
				.filter(AppealCategory::active)
				.findFirst()
				.orElseThrow();
			this.appeals.submit(admin,
					new NewAppeal(null, "李卫东（职工代表）", "13800000000", List.of(), category.code(), Channel.VISIT,
							"十余名职工反映厂区供暖不热", "十余名职工集体来访，反映厂区宿舍楼供暖温度长期不达标，要求尽快解决。", grids.get(0).id(), 12, false, false,
							null));
			return this.letters.find(community, letter.id());
		}
		return Optional.empty();
	}

	private static List<TargetForm> targets() {
		return List.of(target("COLLECTIVE_APPEALS", "VETO", 0, 10, 0), target("ESCALATED_APPEALS", "SCORED", 0, 15, 5),
				target("ON_TIME_RESOLUTION", "SCORED", 90, 25, 2), target("CALLBACK_SATISFACTION", "SCORED", 85, 15, 2),
				target("CONFLICT_RESOLUTION", "SCORED", 80, 15, 3), target("ON_TIME_SCREENING", "SCORED", 100, 10, 2),
				target("TIMELY_ACKNOWLEDGEMENT", "SCORED", 90, 10, 2),
				target("CALLBACK_SATISFACTION", "BONUS", 95, 5, 0));
	}

	private static TargetForm target(String metric, String kind, int threshold, int points, int deduction) {
		return new TargetForm(metric, kind, BigDecimal.valueOf(threshold), BigDecimal.valueOf(points),
				BigDecimal.valueOf(deduction));
	}

}
