/**
 * Care for the people themselves, starting with the retiree services: special lists (独居,
 * 空巢, 困难, 残疾, 九类特殊人员), the yearly pension qualification check (资格认证) and death
 * registration with its survivor checklist.
 */
@NullMarked
package org.anju.care;

import org.jspecify.annotations.NullMarked;
