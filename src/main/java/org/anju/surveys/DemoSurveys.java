package org.anju.surveys;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.anju.identity.CurrentUser;
import org.anju.identity.SignedIn;
import org.anju.identity.UserManagement;
import org.anju.shared.CommunityId;
import org.anju.surveys.SurveyForm.QuestionForm;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code anju.demo=true}, after the demo people are in: a published canteen
 * questionnaire and a campaign over 200 people of whom 120 have answered on the phone, so
 * that the canteen's index and the follow-up list have something to show. Only when the
 * community has no canteen questionnaire yet.
 */
@Component
@ConditionalOnProperty(name = "anju.demo", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DemoSurveys implements ApplicationRunner {

	private final Surveys surveys;

	private final SurveyCampaigns campaigns;

	private final SurveyResponses responses;

	private final UserManagement users;

	private final CommunityId community;

	DemoSurveys(Surveys surveys, SurveyCampaigns campaigns, SurveyResponses responses, UserManagement users,
			@Value("${anju.community-id:1}") long community) {
		this.surveys = surveys;
		this.campaigns = campaigns;
		this.responses = responses;
		this.users = users;
		this.community = new CommunityId(community);
	}

	@Override
	public void run(ApplicationArguments args) {
		try (SignedIn signedIn = this.users.signInAdministrator(this.community)) {
			CurrentUser admin = signedIn.user();
			if (this.surveys.list(admin, ServiceLine.CANTEEN).isEmpty()) {
				load(admin);
			}
		}
	}

	private void load(CurrentUser admin) {
		Survey survey = this.surveys.create(admin,
				new SurveyForm(ServiceLine.CANTEEN, "食堂服务满意度", "请按您最近一个月的用餐感受评价。",
						List.of(new QuestionForm(QuestionType.RATING, "菜品口味", null, true),
								new QuestionForm(QuestionType.RATING, "价格", null, true),
								new QuestionForm(QuestionType.RATING, "服务态度", null, true),
								new QuestionForm(QuestionType.RATING, "卫生", null, true),
								new QuestionForm(QuestionType.SINGLE, "最常用餐的时段", List.of("早餐", "午餐", "晚餐"), true),
								new QuestionForm(QuestionType.TEXT, "意见建议", null, false))));
		survey = this.surveys.publish(admin, survey.id(), survey.version());
		SurveyCampaign campaign = this.campaigns.open(admin, new NewCampaign(survey.id(), "2026 年食堂满意度调查", 200,
				20261126L, null, null, this.campaigns.today().minusDays(7), this.campaigns.today().plusDays(23)));
		Random random = new Random(20261126L);
		List<SampledPerson> drawn = this.campaigns.sample(admin, campaign.id(), true);
		for (SampledPerson person : drawn.subList(0, Math.min(120, drawn.size()))) {
			this.responses.record(admin,
					new NewResponse(campaign.id(), person.personId(), ResponseChannel.PHONE,
							Map.of("q1", 2 + random.nextInt(4), "q2", 1 + random.nextInt(5), "q3",
									3 + random.nextInt(3), "q4", 3 + random.nextInt(3), "q5",
									List.of("早餐", "午餐", "晚餐").get(random.nextInt(3)))));
		}
	}

}
