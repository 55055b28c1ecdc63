package org.anju.stability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.anju.platform.XlsxStream;
import org.anju.appeals.AppealCategories;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.CurrentUser;
import org.anju.identity.GridDirectory;
import org.anju.people.InterestGroup;
import org.anju.people.InterestGroups;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.platform.FormErrors;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's mood notes: the list, filtered by person, group, grid or mood, and the
 * form that files one about a person (from the person's page), a group, or as a screening
 * finding.
 */
@Controller
@PreAuthorize("hasAuthority('STABILITY_READ')")
class MoodNoteConsole {

	static final String LIST = "stability/mood-notes";

	static final String FORM = "stability/mood-form";

	static final String ANALYSIS = "stability/analysis";

	private final MoodNotes notes;

	private final ScreeningRounds rounds;

	private final PersonManagement people;

	private final InterestGroups groups;

	private final AppealCategories categories;

	private final PlaceManagement places;

	private final GridDirectory grids;

	private final MoodAnalysis analysis;

	private final AnalysisWorkbook workbook;

	MoodNoteConsole(MoodNotes notes, ScreeningRounds rounds, PersonManagement people, InterestGroups groups,
			AppealCategories categories, PlaceManagement places, GridDirectory grids, MoodAnalysis analysis,
			AnalysisWorkbook workbook) {
		this.notes = notes;
		this.rounds = rounds;
		this.people = people;
		this.groups = groups;
		this.categories = categories;
		this.places = places;
		this.grids = grids;
		this.analysis = analysis;
		this.workbook = workbook;
	}

	@GetMapping("/mood-notes/analysis")
	String analysis(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable String groupCode,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			Model model, Locale locale) {
		List<InterestGroup> active = this.groups.all(user.community()).stream().filter(InterestGroup::active).toList();
		String group = (groupCode != null && !groupCode.isBlank()) ? groupCode
				: active.isEmpty() ? null : active.get(0).code();
		GroupAnalysis result = this.analysis.analyse(user, group, from, to);
		model.addAttribute("analysis", result);
		model.addAttribute("maxNotes",
				Math.max(1, result.months().stream().mapToLong(GroupAnalysis.Month::notes).max().orElse(1)));
		model.addAttribute("moods", Mood.values());
		return lookups(user, model, locale, ANALYSIS);
	}

	@GetMapping("/mood-notes/analysis.xlsx")
	void analysisWorkbook(@AuthenticationPrincipal CurrentUser user, @RequestParam String groupCode,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			Locale locale, HttpServletResponse response) throws IOException {
		GroupAnalysis result = this.analysis.analyse(user, groupCode, from, to);
		String name = this.groups.byCode(user.community()).get(groupCode).name(locale);
		response.setContentType(XlsxStream.MEDIA_TYPE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("思想动态分析-" + name + "-" + result.from() + "-" + result.to() + ".xlsx", StandardCharsets.UTF_8)
			.build()
			.toString());
		this.workbook.write(user, result, name, topics(user, locale), locale, response.getOutputStream());
	}

	@GetMapping("/mood-notes")
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Long personId,
			@RequestParam(required = false) @Nullable String groupCode,
			@RequestParam(required = false) @Nullable Long gridId, @RequestParam(required = false) @Nullable Mood mood,
			@RequestParam(required = false) @Nullable String cursor, Model model, Locale locale) {
		String group = (groupCode != null && !groupCode.isBlank()) ? groupCode : null;
		MoodNoteQuery query = new MoodNoteQuery(null, personId, group, gridId, mood, null, null);
		MoodNotePage page = this.notes.list(user, query, cursor, ConflictConsole.PAGE_SIZE);
		model.addAttribute("query", query);
		model.addAttribute("page", page);
		model.addAttribute("moods", Mood.values());
		model.addAttribute("person", (personId != null) ? this.people.get(user, personId) : null);
		model.addAttribute("personNames", personNames(user, page));
		return lookups(user, model, locale, LIST);
	}

	@GetMapping("/mood-notes/new")
	@PreAuthorize("hasAuthority('STABILITY_WORK')")
	String form(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Long personId,
			@RequestParam(required = false) @Nullable String groupCode,
			@RequestParam(required = false) @Nullable Long roundId,
			@RequestParam(required = false) @Nullable Long gridId, Model model, Locale locale) {
		MoodForm form = new MoodForm();
		form.setDate(LocalDate.now(WorkingCalendar.ZONE).toString());
		form.setRoundId(roundId);
		form.setGridId(gridId);
		if (personId != null) {
			form.setPersonId(this.people.get(user, personId).id());
		}
		else if (groupCode != null || roundId != null) {
			form.setSubjectType(MoodSubject.GROUP.name());
			form.setGroupCode(groupCode);
		}
		model.addAttribute("form", form);
		return form(user, form, model, locale);
	}

	@PostMapping("/mood-notes/new")
	@PreAuthorize("hasAuthority('STABILITY_WORK')")
	String file(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") MoodForm form, BindingResult result,
			Model model, Locale locale, HttpServletResponse response) {
		if (!result.hasErrors()) {
			try {
				NewMoodNote note = form.toNote();
				if (form.getRoundId() != null) {
					this.rounds.reportFinding(user, form.getRoundId(), form.getGridId(),
							new ScreeningReport.Finding("MOOD", null, note));
					return "redirect:/screening?roundId=" + form.getRoundId() + "&reported=" + form.getGridId();
				}
				MoodNote filed = this.notes.file(user, note);
				return (filed.personId() != null) ? "redirect:/mood-notes?personId=" + filed.personId() + "&filed"
						: "redirect:/mood-notes?groupCode=" + filed.groupCode() + "&filed";
			}
			catch (InvalidInput | Refused ex) {
				FormErrors.reject(ex, result);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return form(user, form, model, locale);
	}

	private String form(CurrentUser user, MoodForm form, Model model, Locale locale) {
		model.addAttribute("person", (form.getPersonId() != null) ? this.people.get(user, form.getPersonId()) : null);
		model.addAttribute("subjects", MoodSubject.values());
		model.addAttribute("sources", MoodSource.values());
		model.addAttribute("moods", Mood.values());
		model.addAttribute("topicOptions", topics(user, locale));
		model.addAttribute("gridOptions", this.places.list(user.scope(), PlaceKind.GRID, null));
		return lookups(user, model, locale, FORM);
	}

	private String lookups(CurrentUser user, Model model, Locale locale, String view) {
		model.addAttribute("groupOptions",
				this.groups.all(user.community()).stream().filter(InterestGroup::active).toList());
		Map<String, String> groupNames = new LinkedHashMap<>();
		this.groups.all(user.community()).forEach((group) -> groupNames.put(group.code(), group.name(locale)));
		model.addAttribute("groupNames", groupNames);
		model.addAttribute("gridNames", this.grids.gridNames(user.community()));
		model.addAttribute("topicNames", topics(user, locale));
		return view;
	}

	private Map<String, String> topics(CurrentUser user, Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		this.categories.tree(user.community())
			.stream()
			.filter((category) -> category.active())
			.forEach((category) -> names.put(category.code(), category.name(locale)));
		return names;
	}

	private Map<Long, String> personNames(CurrentUser user, MoodNotePage page) {
		Map<Long, String> names = new LinkedHashMap<>();
		for (MoodNote note : page.items()) {
			if (note.personId() != null && !names.containsKey(note.personId())) {
				try {
					names.put(note.personId(), this.people.get(user, note.personId()).name());
				}
				catch (NotFound ex) {
					// a person who has since moved out of the caller's grids shows by
					// number only
					names.put(note.personId(), "#" + note.personId());
				}
			}
		}
		return names;
	}

}
