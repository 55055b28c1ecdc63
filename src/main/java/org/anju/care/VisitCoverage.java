package org.anju.care;

import java.time.LocalDate;

/**
 * The care-visit coverage of a period, as the dashboard shows it: of the entries on the
 * lists due within {@code from}–{@code to} (cancelled ones left out), the share visited.
 *
 * @param percent 0–100 with one decimal; {@code 100} when no list fell due
 */
public record VisitCoverage(LocalDate from, LocalDate to, long lists, long entries, long visited, double percent) {
}
