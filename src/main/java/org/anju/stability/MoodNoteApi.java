package org.anju.stability;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.identity.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mood notes (思想动态) over HTTP: file one, list them, read one.
 */
@RestController
@RequestMapping("/api/v1/mood-notes")
@Tag(name = "mood-notes", description = "Mood notes (思想动态) about people and interest groups")
class MoodNoteApi {

	private final MoodNotes notes;

	private final MoodAnalysis analysis;

	MoodNoteApi(MoodNotes notes, MoodAnalysis analysis) {
		this.notes = notes;
		this.analysis = analysis;
	}

	@PostMapping
	@Operation(summary = "File a mood note about a person or an interest group",
			description = "A group note needs gridId from a grid worker. Topics are appeal category codes. Send an "
					+ "Idempotency-Key: a retry gets the first answer.")
	ResponseEntity<MoodNote> file(@AuthenticationPrincipal CurrentUser user, @RequestBody NoteBody body) {
		MoodNote note = this.notes.file(user, body.toNote());
		return ResponseEntity.created(URI.create("/api/v1/mood-notes/" + note.id())).body(note);
	}

	@GetMapping
	@Operation(summary = "The notes the caller reaches, the latest first; from and to are days, both included")
	MoodNotePage list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable MoodSubject subjectType,
			@RequestParam(required = false) @Nullable Long personId,
			@RequestParam(required = false) @Nullable String groupCode,
			@RequestParam(required = false) @Nullable Long gridId, @RequestParam(required = false) @Nullable Mood mood,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") int size) {
		return this.notes.list(user, new MoodNoteQuery(subjectType, personId, groupCode, gridId, mood, from, to),
				cursor, size);
	}

	@GetMapping("/analysis")
	@Operation(summary = "An interest group's monthly analysis",
			description = "Mood notes about the group and its members by month and mood, its appeals and conflict "
					+ "cases by month, the top topics, tags and appeal categories, and its open cases. from and to are "
					+ "months (YYYY-MM), by default the last six; at most " + MoodAnalysis.MAX_MONTHS + " months.")
	GroupAnalysis analysis(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable String groupCode,
			@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		return this.analysis.analyse(user, groupCode, from, to);
	}

	@GetMapping("/{id}")
	MoodNote get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return this.notes.get(user, id);
	}

	record NoteBody(@Nullable String subjectType, @Nullable Long personId, @Nullable String groupCode,
			@Nullable Long gridId, @Nullable String date, @Nullable String source, @Nullable String mood,
			@Nullable List<String> topics, @Nullable List<String> tags, @Nullable String summary) {

		NewMoodNote toNote() {
			return new NewMoodNote(this.subjectType, this.personId, this.groupCode, this.gridId, this.date, this.source,
					this.mood, (this.topics != null) ? this.topics : List.of(),
					(this.tags != null) ? this.tags : List.of(), this.summary);
		}

	}

}
