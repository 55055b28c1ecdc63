/**
 * The organisation of the community: its service departments (离退休管理, 物业 … 综合办) as
 * reference data that other modules name by code.
 */
@NullMarked
package org.anju.organisation;

import org.jspecify.annotations.NullMarked;
