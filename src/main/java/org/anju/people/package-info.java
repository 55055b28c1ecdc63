/**
 * The registry of people: who they are, where they live, which interest groups they
 * belong to, and how their record changed; with search by name, pinyin and the last
 * digits of an ID or phone.
 */
@NullMarked
package org.anju.people;

import org.jspecify.annotations.NullMarked;
