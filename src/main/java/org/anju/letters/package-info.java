/**
 * Responsibility letters (责任状): a letter for a period from a unit to a child unit or
 * post, cascaded down the tree and signed level by level (层层签订), each version frozen once
 * signed. Its targets are bound to metrics that Anju computes from its own data over the
 * recipient's scope and the period; scoring rules give points, deductions, bonuses and
 * one-vote vetoes (一票否决); a live scoreboard drills down to the appeals, cases and reports
 * behind every figure; the period's close freezes the scores and writes the assessment
 * reports.
 */
@NullMarked
package org.anju.letters;

import org.jspecify.annotations.NullMarked;
