package org.anju.plans;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A plan as read: its versions, and the content of one of them.
 *
 * @param name the name in the caller's language
 * @param approvedNumber the version that an activation runs, if any
 * @param draftNumber the version being written, if any
 * @param version the ETag of the plan: every edit and approval increments it
 */
public record PlanView(long id, @Nullable String code, String name, String nameZh, String nameEn, long version,
		@Nullable Integer approvedNumber, @Nullable Integer draftNumber, List<VersionSummary> versions,
		VersionContent content) {

	/**
	 * One version of the plan's history.
	 *
	 * @param state {@code DRAFT}, {@code APPROVED} or {@code SUPERSEDED}
	 */
	public record VersionSummary(int number, String state, Instant createdAt, String createdBy,
			@Nullable Instant approvedAt, @Nullable Long approvedBy) {
	}

	/**
	 * What one version says.
	 */
	public record VersionContent(int number, String state, String trigger, List<String> warningLevels,
			List<String> warningSubjectTypes, Map<String, String> levels, List<RoleView> roles,
			List<PlanDraft.Contact> contacts, List<PlanDraft.Resource> resources) {

		/**
		 * @return the role of this version, or {@literal null} where the plan has none
		 */
		public @Nullable RoleView role(PlanRole role) {
			return this.roles.stream().filter((r) -> r.role() == role).findFirst().orElse(null);
		}

	}

	/**
	 * A command role: the person or the post it names, and who an activation would give
	 * it to now.
	 *
	 * @param defaultUserId the person the role names, whose account may since have been
	 * disabled
	 * @param postId the post the role names, which may since have been emptied or deleted
	 * @param postName the post's unit and name; {@code null} when it is gone
	 * @param holderId the enabled staff account an activation gives the role to unless it
	 * names another: the person, or the post's holder; {@code null} when there is none
	 * @param vacancy why there is no holder: {@code NONE_NAMED}, {@code HOLDER_DISABLED},
	 * {@code POST_EMPTY} or {@code POST_GONE}; {@code null} when there is one
	 */
	public record RoleView(PlanRole role, @Nullable Long defaultUserId, @Nullable String defaultUserName,
			boolean defaultEnabled, @Nullable Long postId, @Nullable String postName, @Nullable Long holderId,
			@Nullable String holderName, @Nullable String vacancy, List<StepView> steps) {

		/**
		 * @return whether the role names anybody, a person or a post, that can leave
		 */
		public boolean namesSomeone() {
			return this.defaultUserId != null || this.postId != null;
		}

	}

	/**
	 * A checklist step with its time target in minutes after activation.
	 */
	public record StepView(String title, int minutes) {
	}

}
