package org.anju.appeals.attachments;

/**
 * A photo that passed the checks: JPEG or PNG by its bytes, within the size limit, and
 * without its metadata. Only {@link AppealAttachments#prepare} makes one, so that nothing
 * else can be stored.
 */
public final class Photo {

	private final String fileName;

	private final String contentType;

	private final byte[] bytes;

	Photo(String fileName, String contentType, byte[] bytes) {
		this.fileName = fileName;
		this.contentType = contentType;
		this.bytes = bytes;
	}

	public String fileName() {
		return this.fileName;
	}

	public String contentType() {
		return this.contentType;
	}

	byte[] bytes() {
		return this.bytes;
	}

}
