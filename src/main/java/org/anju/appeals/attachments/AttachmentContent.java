package org.anju.appeals.attachments;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A photo of an appeal with its bytes, to send to someone who reaches the appeal.
 */
public record AttachmentContent(Attachment attachment, byte[] bytes) {

	/**
	 * @return the photo as an answer to be shown, never run: its own type, and no
	 * guessing by the browser
	 */
	public ResponseEntity<byte[]> inline() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(this.attachment.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline()
						.filename(this.attachment.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
			.body(this.bytes);
	}

}
