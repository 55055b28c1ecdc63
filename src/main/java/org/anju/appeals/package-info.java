/**
 * Appeals (诉求) that residents bring, from intake to callback; so far their reference
 * data: the category tree with its time limits, and the rules that route an appeal to a
 * department or a person.
 */
@NullMarked
package org.anju.appeals;

import org.jspecify.annotations.NullMarked;
