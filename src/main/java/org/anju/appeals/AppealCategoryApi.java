package org.anju.appeals;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.identity.CurrentUser;
import org.anju.shared.IfMatch;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The appeal categories over HTTP: any member of staff reads them, reference-data editors
 * change them.
 */
@RestController
@RequestMapping("/api/v1/appeal-categories")
@PreAuthorize("!hasRole('RESIDENT')")
@Tag(name = "appeal-categories", description = "Appeal categories (诉求分类)")
class AppealCategoryApi {

	private final AppealCategories categories;

	AppealCategoryApi(AppealCategories categories) {
		this.categories = categories;
	}

	@GetMapping
	@Operation(summary = "Every category, active or not, each parent followed by its children",
			description = "A flat list: the tree is given by parentCode. name is in the caller's language.")
	Items list(@AuthenticationPrincipal CurrentUser user, Locale locale) {
		return new Items(this.categories.tree(user.community())
			.stream()
			.map((category) -> CategoryView.of(category, locale))
			.toList());
	}

	@GetMapping("/{code}")
	ResponseEntity<CategoryView> get(@AuthenticationPrincipal CurrentUser user, @PathVariable String code,
			Locale locale) {
		AppealCategory category = this.categories.get(user.community(), code);
		return ResponseEntity.ok().eTag(IfMatch.etag(category.version())).body(CategoryView.of(category, locale));
	}

	@PostMapping
	@PreAuthorize("hasAuthority('REFERENCE_DATA')")
	@Operation(summary = "Add a category, at the top or under a parent")
	ResponseEntity<CategoryView> create(@AuthenticationPrincipal CurrentUser user, @RequestBody CategoryBody body,
			Locale locale) {
		AppealCategory created = this.categories.create(user.community(), String.valueOf(body.code()), body.form());
		return ResponseEntity.created(URI.create("/api/v1/appeal-categories/" + created.code()))
			.eTag(IfMatch.etag(created.version()))
			.body(CategoryView.of(created, locale));
	}

	@PutMapping("/{code}")
	@PreAuthorize("hasAuthority('REFERENCE_DATA')")
	@Operation(summary = "Change a category, or deactivate it (categories are never deleted)")
	ResponseEntity<CategoryView> update(@AuthenticationPrincipal CurrentUser user, @PathVariable String code,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestBody CategoryBody body, Locale locale) {
		AppealCategory updated = this.categories.update(user.community(), code, IfMatch.parse(ifMatch).version(),
				body.form());
		return ResponseEntity.ok().eTag(IfMatch.etag(updated.version())).body(CategoryView.of(updated, locale));
	}

	/**
	 * A category as the API shows it. {@code callbackRequired} and {@code active} default
	 * to {@literal true} when a body leaves them out.
	 */
	record CategoryBody(@Nullable String code, @Nullable String parentCode, @Nullable String nameZh,
			@Nullable String nameEn, @Nullable String departmentCode, @Nullable Integer limitDays,
			@Nullable Integer warningPercent, @Nullable Boolean callbackRequired, @Nullable Boolean active) {

		CategoryForm form() {
			return new CategoryForm(this.parentCode, this.nameZh, this.nameEn, this.departmentCode, this.limitDays,
					this.warningPercent, this.callbackRequired == null || this.callbackRequired,
					this.active == null || this.active);
		}

	}

	record CategoryView(String code, @Nullable String parentCode, String name, String nameZh, String nameEn,
			String departmentCode, int limitDays, int warningPercent, boolean callbackRequired, boolean active,
			long version) {

		static CategoryView of(AppealCategory category, Locale locale) {
			return new CategoryView(category.code(), category.parentCode(), category.name(locale), category.nameZh(),
					category.nameEn(), category.departmentCode(), category.limitDays(), category.warningPercent(),
					category.callbackRequired(), category.active(), category.version());
		}

	}

	record Items(List<CategoryView> items) {
	}

}
