package org.anju.people;

import java.time.Instant;
import java.util.Map;

/**
 * One change in a person's history, with masked values.
 */
public record HistoryEntry(long id, Instant at, String actor, String kind, Map<String, Object> changes) {
}
