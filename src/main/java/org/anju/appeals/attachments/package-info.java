/**
 * Photos attached to appeals: checked by their bytes, stripped of their location, stored
 * with the appeal and shown only to those who reach it.
 */
@NullMarked
package org.anju.appeals.attachments;

import org.jspecify.annotations.NullMarked;
