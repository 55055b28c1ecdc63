package org.anju.letters;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A responsibility letter with every version, the latest last.
 *
 * @param parentId the letter it was cascaded from
 * @param recipientPostId the post it is addressed to, or {@literal null} for the whole
 * unit
 * @param currentVersion the number of the latest version
 * @param version the row's version, for If-Match
 */
record Letter(long id, @Nullable Long parentId, String title, long issuerUnitId, String issuerName,
		long recipientUnitId, String recipientName, @Nullable Long recipientPostId, @Nullable String postName,
		LocalDate from, LocalDate to, int currentVersion, @Nullable Instant closedAt, @Nullable String closedBy,
		Instant createdAt, String createdBy, long version, List<Version> versions) {

	Letter {
		versions = List.copyOf(versions);
	}

	public State state() {
		if (this.closedAt != null) {
			return State.CLOSED;
		}
		return current().signed() ? State.SIGNED : State.DRAFT;
	}

	Version current() {
		return this.versions.get(this.versions.size() - 1);
	}

	/**
	 * @return the version the assessment binds: the latest signed, else the draft
	 */
	Version binding() {
		for (int i = this.versions.size() - 1; i >= 0; i--) {
			if (this.versions.get(i).signed()) {
				return this.versions.get(i);
			}
		}
		return current();
	}

	/**
	 * @return the recipient as a reader names it: the post and its unit, or the unit
	 */
	public String recipient() {
		return (this.postName != null) ? this.recipientName + " · " + this.postName : this.recipientName;
	}

	/**
	 * Where a letter stands.
	 */
	enum State {

		/** The latest version waits for its signature. */
		DRAFT,
		/** The latest version is signed and frozen. */
		SIGNED,
		/** The period is closed and the assessment frozen. */
		CLOSED

	}

	/**
	 * One version of a letter's targets, frozen once signed.
	 *
	 * @param signedBy the account that signed it
	 */
	record Version(int number, String note, Instant createdAt, String createdBy, @Nullable Long signedBy,
			@Nullable String signedByName, @Nullable Instant signedAt, List<Target> targets) {

		Version {
			targets = List.copyOf(targets);
		}

		public boolean signed() {
			return this.signedAt != null;
		}

	}

}
