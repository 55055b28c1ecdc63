/**
 * The stability responsibility system (稳定工作责任制): the organisation's units and posts, each
 * post with its business and stability duties (一岗双责), the matrix that names a responsible
 * person for every subject at every level, and the coverage check that finds its gaps
 * (横向到边,纵向到底).
 */
@NullMarked
package org.anju.duty;

import org.jspecify.annotations.NullMarked;
