/**
 * Value types that every module speaks: community, national ID, phone, name, and the
 * exceptions that carry a rule's message code to the edge. No beans live here.
 */
@NullMarked
package org.anju.shared;

import org.jspecify.annotations.NullMarked;
