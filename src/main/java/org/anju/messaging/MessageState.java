package org.anju.messaging;

/**
 * Where a message in the outbox stands. A queued message becomes sent or, after its last
 * attempt, failed; a suppressed one was never queued, and the reason says why.
 */
public enum MessageState {

	/** Waiting for the dispatcher, possibly after a failed attempt. */
	QUEUED,
	/** The provider accepted it. */
	SENT,
	/** Every attempt failed. */
	FAILED,
	/** Held back by a rate limit or because the number cannot receive text messages. */
	SUPPRESSED

}
