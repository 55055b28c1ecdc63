/**
 * Stability work (稳定): conflict cases (矛盾纠纷) from registration to resolution, the
 * screening rounds (排查) in which every grid reports its findings or an explicit zero
 * report, and mood notes (思想动态) about people and interest groups. None of it ever reaches
 * the resident portal.
 */
@NullMarked
package org.anju.stability;

import org.jspecify.annotations.NullMarked;
