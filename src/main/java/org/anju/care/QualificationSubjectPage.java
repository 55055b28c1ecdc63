package org.anju.care;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a campaign's retirees, and the cursor of the next page.
 */
public record QualificationSubjectPage(List<QualificationSubject> items, @Nullable String next, long total) {
}
