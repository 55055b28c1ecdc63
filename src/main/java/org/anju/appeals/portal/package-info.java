/**
 * The resident portal: phone-first pages where a resident brings an appeal with photos,
 * follows it and rates how it was handled.
 */
@NullMarked
package org.anju.appeals.portal;

import org.jspecify.annotations.NullMarked;
