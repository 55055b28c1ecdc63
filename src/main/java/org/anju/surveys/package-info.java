/**
 * Satisfaction surveys (满意度调查): versioned questionnaires per service line, campaigns over
 * a seeded stratified sample, responses taken by staff or on the resident portal, and the
 * service satisfaction index that joins them with the appeals' callbacks.
 */
@NullMarked
package org.anju.surveys;

import org.jspecify.annotations.NullMarked;
