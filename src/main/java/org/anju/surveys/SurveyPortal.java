package org.anju.surveys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.anju.identity.CurrentUser;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The surveys on the resident portal: the open campaigns that drew the resident, and the
 * form to answer one. Security lets only residents into {@code /portal}.
 */
@Controller
class SurveyPortal {

	static final String LIST = "surveys/portal-list";

	static final String FORM = "surveys/portal-form";

	private final SurveyCampaigns campaigns;

	private final SurveyResponses responses;

	private final Surveys surveys;

	SurveyPortal(SurveyCampaigns campaigns, SurveyResponses responses, Surveys surveys) {
		this.campaigns = campaigns;
		this.responses = responses;
		this.surveys = surveys;
	}

	@GetMapping("/portal/surveys")
	String list(@AuthenticationPrincipal CurrentUser resident, Model model) {
		model.addAttribute("campaigns", waiting(resident));
		return LIST;
	}

	@GetMapping("/portal/surveys/{id}")
	String form(@AuthenticationPrincipal CurrentUser resident, @PathVariable long id, Model model) {
		SurveyCampaign campaign = waiting(resident).stream()
			.filter((c) -> c.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFound("surveyCampaign", id));
		model.addAttribute("campaign", campaign);
		model.addAttribute("asked",
				this.surveys.asked(resident.communityId(), campaign.surveyId(), campaign.surveyVersion()));
		if (!model.containsAttribute("answers")) {
			model.addAttribute("answers", Map.of());
		}
		return FORM;
	}

	@PostMapping("/portal/surveys/{id}")
	String answer(@AuthenticationPrincipal CurrentUser resident, @PathVariable long id,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
		Map<String, Object> answers = answers(form);
		try {
			this.responses.recordAsResident(resident, id, answers);
			return "redirect:/portal/surveys?answered";
		}
		catch (InvalidInput ex) {
			model.addAttribute("errors", ex.violations());
			model.addAttribute("answers", answers);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		catch (Refused ex) {
			return "redirect:/portal/surveys?closed";
		}
		return form(resident, id, model);
	}

	/**
	 * @return the form's answers by question key: one value as text, several as a list
	 */
	static Map<String, Object> answers(MultiValueMap<String, String> form) {
		Map<String, Object> answers = new LinkedHashMap<>();
		form.forEach((key, values) -> {
			if (key.matches("q[0-9]+")) {
				answers.put(key, (values.size() == 1) ? values.get(0) : List.copyOf(values));
			}
		});
		return answers;
	}

	private List<SurveyCampaign> waiting(CurrentUser resident) {
		if (resident.personId() == null) {
			return List.of();
		}
		return this.campaigns.waitingFor(resident, resident.personId());
	}

}
