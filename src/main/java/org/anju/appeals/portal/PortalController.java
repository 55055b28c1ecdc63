package org.anju.appeals.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealQuery;
import org.anju.appeals.AppealQueues;
import org.anju.appeals.AppealState;
import org.anju.appeals.AppealAction;
import org.anju.appeals.AppealView;
import org.anju.appeals.Satisfaction;
import org.anju.appeals.attachments.AppealAttachments;
import org.anju.appeals.attachments.Upload;
import org.anju.identity.CurrentUser;
import org.anju.organisation.Departments;
import org.anju.platform.FormErrors;
import org.anju.shared.InvalidInput;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.anju.shared.UploadRejected;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The resident portal's pages: sign-in, my appeals, a new appeal with photos, and one
 * appeal with its steps and, once resolved, the rating. Security lets only residents in;
 * the appeals module answers 404 for an appeal that is not the resident's own.
 */
@Controller
class PortalController {

	static final String LOGIN = "portal/login";

	static final String LIST = "portal/appeals";

	static final String FORM = "portal/form";

	static final String DETAIL = "portal/appeal";

	private static final int LIST_SIZE = 100;

	private final AppealManagement appeals;

	private final AppealQueues queues;

	private final AppealCategories categories;

	private final AppealAttachments attachments;

	private final Departments departments;

	private final ResidentIntake intake;

	PortalController(AppealManagement appeals, AppealQueues queues, AppealCategories categories,
			AppealAttachments attachments, Departments departments, ResidentIntake intake) {
		this.appeals = appeals;
		this.queues = queues;
		this.categories = categories;
		this.attachments = attachments;
		this.departments = departments;
		this.intake = intake;
	}

	@GetMapping("/portal/login")
	String login() {
		return LOGIN;
	}

	@GetMapping("/portal")
	String list(@AuthenticationPrincipal CurrentUser resident, Model model, Locale locale) {
		List<AppealView> mine = new ArrayList<>(this.queues
			.list(resident, new AppealQuery(null, null, null, null, null, null, null, null, false, false), null,
					LIST_SIZE)
			.items());
		// a resident looks for what they brought last, not for the nearest deadline
		mine.sort((a, b) -> b.receivedAt().compareTo(a.receivedAt()));
		model.addAttribute("appeals", mine);
		model.addAttribute("categoryNames", categoryNames(resident, locale));
		return LIST;
	}

	@GetMapping("/portal/appeals/new")
	String newAppeal(@AuthenticationPrincipal CurrentUser resident, Model model, Locale locale) {
		model.addAttribute("portalForm", new PortalForm());
		return form(resident, model, locale);
	}

	@PostMapping("/portal/appeals")
	String submit(@AuthenticationPrincipal CurrentUser resident, @ModelAttribute("portalForm") PortalForm form,
			BindingResult result, @RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos,
			Model model, Locale locale, HttpServletResponse response) {
		try {
			AppealView submitted = this.intake.submit(resident, form.appeal(), uploads(photos));
			return "redirect:/portal/appeals/" + submitted.id() + "?submitted";
		}
		catch (UploadRejected ex) {
			result.reject(ex.code(), ex.args(), ex.code());
			response
				.setStatus((ex.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNSUPPORTED_MEDIA_TYPE).value());
		}
		catch (InvalidInput ex) {
			FormErrors.reject(ex, result);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		return form(resident, model, locale);
	}

	@GetMapping("/portal/appeals/{id}")
	String appeal(@AuthenticationPrincipal CurrentUser resident, @PathVariable long id, Model model, Locale locale) {
		AppealView appeal = this.appeals.get(resident, id);
		model.addAttribute("appeal", appeal);
		model.addAttribute("steps", PortalStep.of(appeal, departmentNames(resident, locale)));
		model.addAttribute("photos", this.attachments.list(resident, id));
		model.addAttribute("categoryNames", categoryNames(resident, locale));
		model.addAttribute("ratings", Satisfaction.values());
		model.addAttribute("mayRate", appeal.state() == AppealState.RESOLVED);
		return DETAIL;
	}

	@PostMapping("/portal/appeals/{id}/callback")
	String rate(@AuthenticationPrincipal CurrentUser resident, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable Satisfaction satisfaction,
			@RequestParam(required = false) @Nullable String comment, Model model, Locale locale,
			HttpServletResponse response) {
		if (satisfaction == null) {
			model.addAttribute("rateError", "portal.rate.required");
		}
		else {
			try {
				this.appeals.act(resident, id, version, new AppealAction.Callback(satisfaction,
						(comment != null && !comment.isBlank()) ? comment : null));
				return "redirect:/portal/appeals/" + id + "?rated";
			}
			catch (StaleVersion | Refused ex) {
				model.addAttribute("rateError", "portal.rate.stale");
			}
			catch (InvalidInput ex) {
				model.addAttribute("rateError", ex.violations().get(0).code());
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return appeal(resident, id, model, locale);
	}

	@GetMapping("/portal/appeals/{id}/photos/{attachmentId}")
	ResponseEntity<byte[]> photo(@AuthenticationPrincipal CurrentUser resident, @PathVariable long id,
			@PathVariable long attachmentId) {
		return this.attachments.open(resident, id, attachmentId).inline();
	}

	private String form(CurrentUser resident, Model model, Locale locale) {
		model.addAttribute("categories", pickable(resident, locale));
		model.addAttribute("maxPhotos", AppealAttachments.MAX_PER_APPEAL);
		model.addAttribute("maxMegabytes", AppealAttachments.MAX_MEGABYTES);
		return FORM;
	}

	/**
	 * @return the active categories by code, a sub-category named with its parent ("邻里纠纷
	 * · 养狗"), in the tree's order
	 */
	private Map<String, String> pickable(CurrentUser resident, Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		List<AppealCategory> tree = this.categories.tree(resident.community());
		Map<String, AppealCategory> byCode = new LinkedHashMap<>();
		tree.forEach((category) -> byCode.put(category.code(), category));
		for (AppealCategory category : tree) {
			AppealCategory parent = (category.parentCode() != null) ? byCode.get(category.parentCode()) : null;
			if (category.active() && (parent == null || parent.active())) {
				names.put(category.code(),
						(parent != null) ? parent.name(locale) + " · " + category.name(locale) : category.name(locale));
			}
		}
		return names;
	}

	private Map<String, String> categoryNames(CurrentUser resident, Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		this.categories.tree(resident.community()).forEach((c) -> names.put(c.code(), c.name(locale)));
		return names;
	}

	private Map<String, String> departmentNames(CurrentUser resident, Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		this.departments.all(resident.community()).forEach((d) -> names.put(d.code(), d.name(locale)));
		return names;
	}

	/**
	 * A file input left empty still sends a part, with no name and no bytes.
	 */
	private static List<Upload> uploads(@Nullable List<MultipartFile> files) {
		List<Upload> uploads = new ArrayList<>();
		if (files == null) {
			return uploads;
		}
		for (MultipartFile file : files) {
			if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
				continue;
			}
			try {
				uploads.add(new Upload(String.valueOf(file.getOriginalFilename()), file.getBytes()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return uploads;
	}

}
