package org.anju.appeals.attachments;

/**
 * A file as it arrived, before anything about it is trusted: not its name, not its type.
 */
public record Upload(String fileName, byte[] bytes) {
}
