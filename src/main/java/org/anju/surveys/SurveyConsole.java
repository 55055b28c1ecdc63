package org.anju.surveys;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.anju.identity.CurrentUser;
import org.anju.people.InterestGroups;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The surveys in the console: questionnaires and their editor, campaigns with the
 * response rate and the people to follow up, the staff answer form, and the satisfaction
 * index of every service line.
 */
@Controller
@PreAuthorize("hasAuthority('APPEALS_READ')")
class SurveyConsole {

	static final String LIST = "surveys/list";

	static final String EDITOR = "surveys/editor";

	static final String CAMPAIGN = "surveys/campaign";

	static final String RESPOND = "surveys/respond";

	static final String INDEX = "surveys/index";

	private static final Pattern NUMBERED = Pattern.compile("(questions\\[|answers\\.q)(\\d+)\\]?(.*)");

	private final Surveys surveys;

	private final SurveyCampaigns campaigns;

	private final SurveyResponses responses;

	private final SatisfactionIndex index;

	private final PlaceManagement places;

	private final InterestGroups groups;

	private final MessageSource messages;

	SurveyConsole(Surveys surveys, SurveyCampaigns campaigns, SurveyResponses responses, SatisfactionIndex index,
			PlaceManagement places, InterestGroups groups, MessageSource messages) {
		this.surveys = surveys;
		this.campaigns = campaigns;
		this.responses = responses;
		this.index = index;
		this.places = places;
		this.groups = groups;
		this.messages = messages;
	}

	@GetMapping("/surveys")
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("surveys", this.surveys.list(user, null));
		model.addAttribute("campaigns", this.campaigns.list(user, null));
		model.addAttribute("areas", this.places.list(user.scope(), PlaceKind.AREA, null));
		model.addAttribute("groups", this.groups.all(user.community()));
		model.addAttribute("today", this.campaigns.today());
		return LIST;
	}

	@GetMapping("/surveys/new")
	@PreAuthorize("hasAuthority('SURVEYS_MANAGE')")
	String create(@AuthenticationPrincipal CurrentUser user, Model model) {
		return editor(user, QuestionnaireDraft.blank(), model);
	}

	@GetMapping("/surveys/{id}/edit")
	@PreAuthorize("hasAuthority('SURVEYS_MANAGE')")
	String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		return editor(user, QuestionnaireDraft.of(this.surveys.get(user, id)), model);
	}

	/**
	 * Saves the questionnaire ({@code step=save}), or takes one editing step on the form
	 * (add, move or remove a question) and shows it again with everything typed, writing
	 * nothing. A refused save shows the form again with every reason and everything
	 * typed.
	 */
	@PostMapping("/surveys")
	@PreAuthorize("hasAuthority('SURVEYS_MANAGE')")
	String save(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("draft") QuestionnaireDraft draft,
			BindingResult binding, @RequestParam(defaultValue = "save") String step, Model model,
			HttpServletResponse response) {
		// a value that does not bind (a service line no longer offered) stays empty and
		// is
		// reported by the service as missing
		if (!"save".equals(step)) {
			draft.apply(step);
			return editor(user, draft, model);
		}
		try {
			SurveyForm form = draft.toForm();
			Survey saved = (draft.getId() == null) ? this.surveys.create(user, form) : this.surveys.edit(user,
					draft.getId(), (draft.getVersion() != null) ? draft.getVersion() : -1, form);
			return "redirect:/surveys/" + saved.id() + "/edit?saved";
		}
		catch (InvalidInput | StaleVersion ex) {
			model.addAttribute("errors", reasons(ex));
			response.setStatus((ex instanceof StaleVersion) ? HttpStatus.PRECONDITION_FAILED.value()
					: HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		return editor(user, draft, model);
	}

	private String editor(CurrentUser user, QuestionnaireDraft draft, Model model) {
		if (draft.getId() != null) {
			model.addAttribute("survey", this.surveys.get(user, draft.getId()));
		}
		model.addAttribute("draft", draft);
		model.addAttribute("lines", ServiceLine.values());
		model.addAttribute("types", QuestionType.values());
		return EDITOR;
	}

	@PostMapping("/surveys/{id}/publish")
	@PreAuthorize("hasAuthority('SURVEYS_MANAGE')")
	String publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			Model model, HttpServletResponse response) {
		try {
			this.surveys.publish(user, id, version);
			return "redirect:/surveys/" + id + "/edit?published";
		}
		catch (Refused | StaleVersion ex) {
			model.addAttribute("errors", reasons(ex));
			response.setStatus(HttpStatus.CONFLICT.value());
			return edit(user, id, model);
		}
	}

	@PostMapping("/surveys/campaigns")
	@PreAuthorize("hasAuthority('SURVEYS_MANAGE')")
	String open(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Long surveyId,
			@RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable Integer sampleSize,
			@RequestParam(required = false) @Nullable Long seed, @RequestParam(required = false) @Nullable Long areaId,
			@RequestParam(required = false) @Nullable String groupCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate opensOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate closesOn,
			Model model, HttpServletResponse response) {
		try {
			SurveyCampaign campaign = this.campaigns.open(user,
					new NewCampaign(surveyId, title, sampleSize, seed, areaId, groupCode, opensOn, closesOn));
			return "redirect:/surveys/campaigns/" + campaign.id();
		}
		catch (InvalidInput ex) {
			model.addAttribute("errors", reasons(ex));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return list(user, model);
		}
	}

	@GetMapping("/surveys/campaigns/{id}")
	String campaign(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		SurveyCampaign campaign = this.campaigns.get(user, id);
		model.addAttribute("campaign", campaign);
		model.addAttribute("followUps", this.campaigns.sample(user, id, false));
		model.addAttribute("flagged", this.responses.list(user, id, true));
		return CAMPAIGN;
	}

	@PostMapping("/surveys/responses/{id}/appeal")
	String raise(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long campaignId,
			Model model, HttpServletResponse response) {
		try {
			SurveyResponse raised = this.responses.raiseAppeal(user, id, null);
			return "redirect:/appeals/" + raised.appealId();
		}
		catch (InvalidInput | Refused ex) {
			model.addAttribute("errors", reasons(ex));
			response.setStatus(HttpStatus.CONFLICT.value());
			return campaign(user, campaignId, model);
		}
	}

	@GetMapping("/surveys/campaigns/{id}/respond")
	String respondForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long personId,
			Model model) {
		SurveyCampaigns.Sampled sampled = this.campaigns.sampled(user, id, personId);
		model.addAttribute("campaign", sampled.campaign());
		model.addAttribute("person", sampled);
		model.addAttribute("asked", this.surveys.asked(user.communityId(), sampled.campaign().surveyId(),
				sampled.campaign().surveyVersion()));
		if (!model.containsAttribute("answers")) {
			model.addAttribute("answers", Map.of());
		}
		return RESPOND;
	}

	@PostMapping("/surveys/campaigns/{id}/respond")
	String respond(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long personId,
			@RequestParam(required = false) @Nullable ResponseChannel channel,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
		Map<String, Object> answers = SurveyPortal.answers(form);
		try {
			this.responses.record(user, new NewResponse(id, personId, channel, answers));
			return "redirect:/surveys/campaigns/" + id + "?answered";
		}
		catch (InvalidInput | Refused ex) {
			model.addAttribute("errors", reasons(ex));
			model.addAttribute("answers", answers);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return respondForm(user, id, personId, model);
		}
	}

	@GetMapping("/surveys/index")
	String index(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "CANTEEN") ServiceLine line, Model model) {
		LocalDate last = (to != null) ? to : this.campaigns.today();
		LocalDate first = (from != null) ? from : last.withDayOfMonth(1).minusMonths(5);
		model.addAttribute("from", first);
		model.addAttribute("to", last);
		model.addAttribute("line", line);
		model.addAttribute("lines", ServiceLine.values());
		try {
			model.addAttribute("scores", this.index.forPeriod(user, first, last));
			model.addAttribute("trend", this.index.trend(user, line, first, last));
			model.addAttribute("byGroup",
					this.index.breakdown(user, line, first, last, SatisfactionIndex.Breakdown.GROUP));
			model.addAttribute("byArea",
					this.index.breakdown(user, line, first, last, SatisfactionIndex.Breakdown.AREA));
		}
		catch (InvalidInput ex) {
			model.addAttribute("errors", reasons(ex));
			model.addAttribute("scores", List.of());
			model.addAttribute("trend", List.of());
			model.addAttribute("byGroup", List.of());
			model.addAttribute("byArea", List.of());
		}
		model.addAttribute("callbackWeight", SatisfactionIndex.CALLBACK_WEIGHT);
		model.addAttribute("surveyWeight", SatisfactionIndex.SURVEY_WEIGHT);
		return INDEX;
	}

	private List<String> reasons(RuntimeException problem) {
		Locale locale = LocaleContextHolder.getLocale();
		if (problem instanceof InvalidInput invalid) {
			List<String> reasons = new ArrayList<>();
			for (InvalidInput.Violation v : invalid.violations()) {
				reasons.add(label(v.field(), locale) + "："
						+ this.messages.getMessage(v.code(), v.args(), v.code(), locale));
			}
			return reasons;
		}
		if (problem instanceof Refused refused) {
			return List.of(this.messages.getMessage(refused.code(), refused.args(), refused.code(), locale));
		}
		if (problem instanceof NotFound) {
			return List.of(this.messages.getMessage("problem.notFound", null, "problem.notFound", locale));
		}
		return List.of(this.messages.getMessage("surveys.stale", null, "surveys.stale", locale));
	}

	private String label(String field, Locale locale) {
		Matcher numbered = NUMBERED.matcher(field);
		if (numbered.matches()) {
			int n = Integer.parseInt(numbered.group(2)) + (numbered.group(1).startsWith("questions") ? 1 : 0);
			return this.messages.getMessage("surveys.field.question", new Object[] { n }, locale);
		}
		return this.messages.getMessage("surveys.field." + field, null, field, locale);
	}

}
