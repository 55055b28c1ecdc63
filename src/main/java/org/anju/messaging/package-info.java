/**
 * Text messages to residents: editable templates, a rate-limited outbox written in the
 * sender's transaction, and a dispatcher that hands each message to an
 * {@link SmsProvider} exactly once.
 */
@NullMarked
package org.anju.messaging;

import org.jspecify.annotations.NullMarked;
