package org.anju.appeals.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.anju.appeals.AppealEscalations;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealQueues;
import org.anju.appeals.AppealView;
import org.anju.appeals.Satisfaction;
import org.anju.appeals.attachments.AppealAttachments;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.CurrentUser;
import org.anju.places.PlaceManagement;
import org.anju.shared.InvalidInput;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One appeal's page: its fields (phones masked, a confidential complainant hidden by the
 * domain), co-signers, photos, flags, due date, timeline and a small form for each step
 * its state and the user's role allow. A refused step comes back next to its form with
 * what was typed. Also the printed receipt (受理回执) and assignment slip (交办单).
 */
@Controller
@PreAuthorize("hasAuthority('APPEALS_READ')")
class AppealConsole {

	static final String PAGE = "appeals/detail";

	static final String RECEIPT = "appeals/receipt";

	static final String SLIP = "appeals/slip";

	/**
	 * Counting working days left stops here; a longer time is shown as the date alone.
	 */
	static final int DAYS_COUNTED = 60;

	private final AppealManagement appeals;

	private final AppealQueues queues;

	private final PlaceManagement places;

	private final WorkingCalendar calendar;

	private final AppealNames names;

	private final AppealAttachments attachments;

	private final MessageSource messages;

	private final String officePhone;

	private final String portalUrl;

	private final List<AppealEscalations> escalations;

	AppealConsole(AppealManagement appeals, AppealQueues queues, PlaceManagement places, WorkingCalendar calendar,
			AppealNames names, AppealAttachments attachments, MessageSource messages,
			@Value("${anju.community.office-phone:0730-8000000}") String officePhone,
			@Value("${anju.community.portal-url:}") String portalUrl, List<AppealEscalations> escalations) {
		this.appeals = appeals;
		this.queues = queues;
		this.places = places;
		this.calendar = calendar;
		this.names = names;
		this.attachments = attachments;
		this.messages = messages;
		this.officePhone = officePhone;
		this.portalUrl = portalUrl;
		this.escalations = escalations;
	}

	@GetMapping("/appeals/{id}")
	String page(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model, Locale locale) {
		AppealView appeal = this.appeals.get(user, id);
		describe(user, appeal, model, locale);
		model.addAttribute("actions", this.appeals.possibleActions(user, id));
		model.addAttribute("photos", this.attachments.list(user, id));
		model.addAttribute("daysLeft", workingDaysLeft(appeal));
		model.addAttribute("staff", this.names.staff(user.community()));
		model.addAttribute("satisfactions", Satisfaction.values());
		model.addAttribute("dispatches", this.queues.dispatches(user));
		model.addAttribute("suggestedDepartment", this.names.usualDepartment(user.community(), appeal.categoryCode()));
		model.addAttribute("escalation",
				this.escalations.stream()
					.flatMap((escalations) -> escalations.of(user, id).stream())
					.findFirst()
					.orElse(null));
		model.addAttribute("mayEscalate",
				this.escalations.stream().anyMatch((escalations) -> escalations.mayEscalate(user)));
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", new ActionForm());
		}
		return PAGE;
	}

	@PostMapping("/appeals/{id}/act/{action}")
	String act(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable String action,
			@ModelAttribute("draft") ActionForm draft, BindingResult result, Model model, Locale locale,
			HttpServletResponse response) {
		HttpStatus refusal = HttpStatus.UNPROCESSABLE_CONTENT;
		String message;
		if (result.hasErrors()) {
			message = String.join(" ",
					result.getAllErrors().stream().map((error) -> this.messages.getMessage(error, locale)).toList());
		}
		else {
			try {
				this.appeals.act(user, id, draft.getVersion(), draft.toAction(action));
				return "redirect:/appeals/" + id + "?done=" + action;
			}
			catch (InvalidInput ex) {
				message = String.join(" ",
						ex.violations()
							.stream()
							.map((violation) -> this.messages.getMessage(violation.code(), violation.args(),
									violation.code(), locale))
							.toList());
			}
			catch (Refused ex) {
				refusal = HttpStatus.CONFLICT;
				message = this.messages.getMessage(ex.code(), ex.args(), ex.code(), locale);
			}
			catch (StaleVersion ex) {
				refusal = HttpStatus.PRECONDITION_FAILED;
				message = this.messages.getMessage("appeals.stale", null, locale);
			}
		}
		response.setStatus(refusal.value());
		model.addAttribute("failed", action);
		model.addAttribute("failure", message);
		String page = page(user, id, model, locale);
		// the user's text stays; the version becomes the one now shown, so that sending
		// again applies to what the page shows
		draft.setVersion(((AppealView) model.getAttribute("appeal")).version());
		return page;
	}

	/**
	 * One photo of the appeal, for whoever reaches the appeal; anyone else is answered
	 * 404, as if neither existed.
	 */
	@GetMapping("/appeals/{id}/photos/{attachmentId}")
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long attachmentId) {
		return this.attachments.open(user, id, attachmentId).inline();
	}

	@GetMapping("/appeals/{id}/receipt")
	String receipt(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model, Locale locale) {
		AppealView appeal = this.appeals.get(user, id);
		describe(user, appeal, model, locale);
		model.addAttribute("community", this.queues.communityName(user.community()));
		model.addAttribute("officePhone", this.officePhone);
		model.addAttribute("portalUrl", this.portalUrl.isBlank()
				? ServletUriComponentsBuilder.fromCurrentContextPath().path("/portal").toUriString() : this.portalUrl);
		return RECEIPT;
	}

	@GetMapping("/appeals/{id}/slip")
	String slip(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model, Locale locale) {
		AppealView appeal = this.appeals.get(user, id);
		describe(user, appeal, model, locale);
		model.addAttribute("community", this.queues.communityName(user.community()));
		return SLIP;
	}

	/**
	 * Puts the appeal into the model with the names of what it refers to: its category,
	 * department, handler, place and registered person (with the phone masked).
	 */
	private void describe(CurrentUser user, AppealView appeal, Model model, Locale locale) {
		model.addAttribute("appeal", appeal);
		model.addAttribute("categories", this.names.categoryPaths(user.community(), locale));
		model.addAttribute("departments", this.names.departments(user.community(), locale));
		model.addAttribute("assignee",
				(appeal.assigneeId() != null) ? this.names.staffName(user.community(), appeal.assigneeId()) : null);
		model.addAttribute("person", this.names.person(user, appeal.personId()));
		model.addAttribute("coSigners",
				appeal.coSignerIds().stream().map((coSigner) -> this.names.person(user, coSigner)).toList());
		model.addAttribute("place", (appeal.placeId() != null)
				? this.places.address(user.community(), appeal.placeId()).orElse(null) : null);
	}

	/**
	 * @return the working days from tomorrow to the due day, both counted; zero when it
	 * is due today or past; {@literal null} when closed or too far to count
	 */
	private @Nullable Integer workingDaysLeft(AppealView appeal) {
		if (!appeal.state().isOpen()) {
			return null;
		}
		LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
		int left = 0;
		for (LocalDate day = today.plusDays(1); !day.isAfter(appeal.dueDate()); day = day.plusDays(1)) {
			if (this.calendar.isWorkingDay(day) && ++left > DAYS_COUNTED) {
				return null;
			}
		}
		return left;
	}

}
