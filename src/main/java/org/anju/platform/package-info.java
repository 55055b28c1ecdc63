/**
 * What every module stands on: the embedded PostgreSQL, the problem+json error answers,
 * the caller's language, and masking in log lines.
 */
@NullMarked
package org.anju.platform;

import org.jspecify.annotations.NullMarked;
