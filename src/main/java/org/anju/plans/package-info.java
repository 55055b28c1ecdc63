/**
 * Contingency plans (维稳预案) run as playbooks: a library of versioned plans that a leader
 * approves, and the incidents and drills (演练) activated from them, with a holder in every
 * command role, a checklist of timed tasks, information reports with deadlines, a
 * timeline and an after-action review.
 */
@NullMarked
package org.anju.plans;

import org.jspecify.annotations.NullMarked;
