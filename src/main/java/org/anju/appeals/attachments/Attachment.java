package org.anju.appeals.attachments;

import java.time.Instant;

/**
 * A photo of an appeal as a list shows it, without its content.
 */
public record Attachment(long id, long appealId, String fileName, String contentType, int size, Instant createdAt) {
}
