package org.anju.duty;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.identity.CurrentUser;
import org.anju.shared.BadParameter;
import org.anju.shared.IfMatch;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The responsibility matrix over HTTP: one row per subject and level.
 */
@RestController
@RequestMapping("/api/v1/responsibilities")
@Tag(name = "responsibilities", description = "The responsibility matrix (稳定工作责任制)")
@PreAuthorize("hasAuthority('DUTY_READ')")
class ResponsibilityApi {

	static final int MAX_PAGE = 200;

	private final Responsibilities responsibilities;

	ResponsibilityApi(Responsibilities responsibilities) {
		this.responsibilities = responsibilities;
	}

	@GetMapping
	@Operation(summary = "The matrix rows the caller may see",
			description = "Filters: subjectType (AREA, GRID, BUILDING, GROUP, CONFLICT), level, userId (named or "
					+ "answering), gapsOnly. A grid worker sees only the subjects of their grids. subjectId is a number, "
					+ "or an interest group's code. origin says where the holders come from: NAMED in the matrix, the "
					+ "subject's DEFAULT (a grid's grid workers, a case's owner leader), INHERITED from its parent, or "
					+ "NONE. cursor and size page the list.")
	Page list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String subjectType,
			@RequestParam(required = false) @Nullable String level,
			@RequestParam(required = false) @Nullable Long userId,
			@RequestParam(defaultValue = "false") boolean gapsOnly,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") int size) {
		if (size < 1 || size > MAX_PAGE) {
			throw new BadParameter("size", "search.size", MAX_PAGE);
		}
		int from = offset(cursor);
		List<MatrixRow> rows = this.responsibilities.matrix(user, subjectType)
			.stream()
			.filter((row) -> level == null || row.level().equals(level))
			.filter((row) -> userId == null || userId.equals(row.userId()) || row.holderIds().contains(userId))
			.filter((row) -> !gapsOnly || row.gap() != null)
			.toList();
		List<MatrixRow> page = rows.subList(Math.min(from, rows.size()), Math.min(from + size, rows.size()));
		String next = (from + size < rows.size()) ? Integer.toString(from + size) : null;
		return new Page(page, next, rows.size());
	}

	@PutMapping("/{subjectType}/{subjectId}/{level}")
	@PreAuthorize("hasAuthority('DUTY_MANAGE')")
	@Operation(summary = "Name the account that answers for a subject at a level",
			description = "Body {\"userId\"}. Replacing a named account needs If-Match with the row's version.")
	ResponseEntity<MatrixRow> assign(@AuthenticationPrincipal CurrentUser user, @PathVariable String subjectType,
			@PathVariable String subjectId, @PathVariable String level,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestBody AssignBody body) {
		Long expected = (ifMatch != null) ? IfMatch.parse(ifMatch).version() : null;
		MatrixRow row = this.responsibilities.assign(user, subjectType, subjectId, level, expected, body.userId());
		return ResponseEntity.ok().eTag(IfMatch.etag(row.version())).body(row);
	}

	@DeleteMapping("/{subjectType}/{subjectId}/{level}")
	@PreAuthorize("hasAuthority('DUTY_MANAGE')")
	@Operation(summary = "Take the named account off; the default or the parent answers again")
	ResponseEntity<Void> remove(@AuthenticationPrincipal CurrentUser user, @PathVariable String subjectType,
			@PathVariable String subjectId, @PathVariable String level,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		this.responsibilities.remove(user, subjectType, subjectId, level, IfMatch.parse(ifMatch).version());
		return ResponseEntity.noContent().build();
	}

	private static int offset(@Nullable String cursor) {
		if (cursor == null) {
			return 0;
		}
		try {
			int offset = Integer.parseInt(cursor);
			if (offset >= 0) {
				return offset;
			}
		}
		catch (NumberFormatException ex) {
			// answered below like a negative one
		}
		throw new BadParameter("cursor", "duty.cursor");
	}

	record AssignBody(@Nullable Long userId) {
	}

	record Page(List<MatrixRow> items, @Nullable String next, long total) {
	}

}
