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
	 * A command role, who holds it unless an activation names another, and its checklist.
	 * The holder is named as a person ({@code defaultUserId}) or as a post of the
	 * organisation ({@code postId}: whoever holds the post at activation), not both.
	 */
	public record RoleDraft(@Nullable String role, @Nullable Long defaultUserId, @Nullable Long postId,
			@Nullable List<Step> steps) {
	}

	/**
	 * A step of a checklist, to be done within {@code minutes} after activation.
	 */
	public record Step(@Nullable String title, @Nullable Integer minutes) {
	}

	/**
	 * Someone to call: a duty office, the fire brigade, or a staff member
	 * ({@code userId}), whose departure the coverage check reports. A mobile number reads
	 * masked.
	 */
	public record Contact(@Nullable String name, @Nullable String unit, @Nullable String phone, @Nullable Long userId) {
	}

	/**
	 * Something kept ready: sandbags, a pump, a reception room.
	 */
	public record Resource(@Nullable String name, @Nullable String quantity, @Nullable String location) {
	}

}
