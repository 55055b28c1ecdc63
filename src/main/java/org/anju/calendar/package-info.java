/**
 * The working-day calendar: the national public holidays and make-up working days (调休) by
 * year, and the arithmetic of time limits counted in working days.
 */
@NullMarked
package org.anju.calendar;

import org.jspecify.annotations.NullMarked;
