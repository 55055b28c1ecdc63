package org.anju.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of audit rows, newest first, with the cursor of the next page.
 */
public record AuditPage(List<AuditEntry> items, @Nullable String next) {
}
