package org.anju.notifications;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a user's inbox: what happened to which appeal or screening round. It names
 * its subject by number and title only (an appeal's number and title, a round's period
 * and grid), with any ID number or mobile in the title masked.
 */
public record Notification(long id, NotificationKind kind, Subject subjectType, long subjectId, String number,
		String title, Instant createdAt, @Nullable Instant readAt) {

	public boolean unread() {
		return this.readAt == null;
	}

	/**
	 * @return the console page that opens the subject
	 */
	public String link() {
		return switch (this.subjectType) {
			case APPEAL -> "/appeals/" + this.subjectId;
			case SCREENING_ROUND -> "/screening?roundId=" + this.subjectId;
			case KEY_PERSON -> "/key-persons/" + this.subjectId;
			case COVERAGE_GAP -> "/duty/coverage#gap-" + this.subjectId;
			case WARNING -> "/warnings/" + this.subjectId;
			case INCIDENT -> "/incidents/" + this.subjectId;
			case VISIT_LIST -> "/care/visits/lists/" + this.subjectId;
		};
	}

	/**
	 * What a notification is about.
	 */
	public enum Subject {

		APPEAL, SCREENING_ROUND, KEY_PERSON, COVERAGE_GAP, WARNING, INCIDENT, VISIT_LIST

	}

}
