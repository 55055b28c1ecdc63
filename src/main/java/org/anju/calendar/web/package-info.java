/**
 * The calendar over HTTP and in the console, and the console's reminder to fill in a
 * year.
 */
@NullMarked
package org.anju.calendar.web;

import org.jspecify.annotations.NullMarked;
