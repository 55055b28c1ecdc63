package org.anju.messaging;

import org.anju.shared.CommunityId;

/**
 * A message was queued and its sender's transaction committed.
 */
public record TextMessageQueued(CommunityId community, long messageId) {
}
