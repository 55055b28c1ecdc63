package org.anju.appeals.ledger;

import java.time.Instant;

import org.anju.appeals.AppealState;
import org.anju.appeals.Channel;
import org.anju.appeals.Satisfaction;
import org.jspecify.annotations.Nullable;

/**
 * One valid row of a historical ledger, as read, before anything is looked up in the
 * registry.
 *
 * @param row the row as Excel numbers it
 */
record LedgerRow(int row, @Nullable String number, Instant receivedAt, Channel channel, String category,
		@Nullable String idNumber, @Nullable String name, @Nullable String phone, String title, String description,
		@Nullable String department, AppealState state, @Nullable Instant resolvedAt, @Nullable String reply,
		@Nullable Satisfaction satisfaction) {
}
