package org.anju.plans;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The content of a plan version as written: trigger criteria (text, and optionally the
 * warning levels and subject types that suggest it), what each response level means, the
 * command roles with their default holders and checklists, contacts and resources. The
 * same shape is read back, checked.
 */
public record PlanDraft(@Nullable String trigger, @Nullable List<String> warningLevels,
		@Nullable List<String> warningSubjectTypes, @Nullable Map<String, String> levels,
		@Nullable List<RoleDraft> roles, @Nullable List<Contact> contacts, @Nullable List<Resource> resources) {

	/**
	 * A command role, the account that holds it unless an activation names another, and
	 * its checklist.
	 */
	public record RoleDraft(@Nullable String role, @Nullable Long defaultUserId, @Nullable List<Step> steps) {
	}

	/**
	 * A step of a checklist, to be done within {@code minutes} after activation.
	 */
	public record Step(@Nullable String title, @Nullable Integer minutes) {
	}

	/**
	 * Someone to call: a duty office, the fire brigade. A mobile number reads masked.
	 */
	public record Contact(@Nullable String name, @Nullable String unit, @Nullable String phone) {
	}

	/**
	 * Something kept ready: sandbags, a pump, a reception room.
	 */
	public record Resource(@Nullable String name, @Nullable String quantity, @Nullable String location) {
	}

}
