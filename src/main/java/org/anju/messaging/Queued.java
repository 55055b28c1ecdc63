package org.anju.messaging;

import org.jspecify.annotations.Nullable;

/**
 * What became of a send: the outbox row, {@link MessageState#QUEUED} or
 * {@link MessageState#SUPPRESSED}, and for a suppressed one the reason code.
 */
public record Queued(long id, MessageState state, @Nullable String reason) {

	public boolean suppressed() {
		return this.state == MessageState.SUPPRESSED;
	}

}
