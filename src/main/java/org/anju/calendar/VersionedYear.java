package org.anju.calendar;

/**
 * A year's schedule as it is stored now, with the version that a replacement of it must
 * name ({@code If-Match}). A year that nobody has filled in is at version {@code 0}.
 */
public record VersionedYear(YearSchedule schedule, long version) {
}
