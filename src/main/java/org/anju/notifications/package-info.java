/**
 * Notifications: each staff user's inbox of the appeal steps that concern them (assigned
 * to them, urged, nearly due, overdue), kept from {@code AppealChanged} and pushed live
 * to the user's open pages as server-sent events.
 */
@NullMarked
package org.anju.notifications;

import org.jspecify.annotations.NullMarked;
