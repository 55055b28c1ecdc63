package org.anju.appeals;

/**
 * What names an appeal to the staff who hear of it: its number and title, and nothing of
 * the person who brought it.
 */
public record AppealHeadline(long id, String number, String title) {
}
