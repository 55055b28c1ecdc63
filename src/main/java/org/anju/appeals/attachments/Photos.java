package org.anju.appeals.attachments;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.anju.shared.UploadRejected;

/**
 * Reads an upload's own bytes to tell a JPEG or a PNG, whatever its name says, and copies
 * it without the segments that carry where and when it was taken. The image data itself
 * is copied as it is: nothing is decoded or re-encoded, so no quality is lost and no
 * decoder runs on what a stranger sent.
 * <ul>
 * <li>JPEG: every APP1 segment (EXIF with its GPS directory, and XMP) and APP13 (IPTC) is
 * dropped. Where the EXIF block says how the picture is turned, a new EXIF block with
 * that orientation alone takes its place, so that a photo taken sideways still shows
 * upright.</li>
 * <li>PNG: the {@code eXIf} chunk and the text chunks ({@code tEXt}, {@code zTXt},
 * {@code iTXt}, where XMP lives) are dropped.</li>
 * </ul>
 */
final class Photos {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	static final int MAX_MEGABYTES = MAX_BYTES / 1024 / 1024;

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	/**
	 * The ancillary PNG chunks kept, those that change how the pixels look; every other
	 * one (text, EXIF, private chunks) may carry a location or a script and goes.
	 */
	private static final Set<String> PNG_KEPT = Set.of("tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "bKGD");

	private static final int APP1 = 0xE1;

	private static final int APP13 = 0xED;

	private static final int START_OF_SCAN = 0xDA;

	private static final int COMMENT = 0xFE;

	private static final int END_OF_IMAGE = 0xD9;

	private Photos() {
	}

	/**
	 * @throws UploadRejected when the photo is too large, or neither a JPEG nor a PNG
	 */
	static Photo clean(Upload upload) {
		byte[] bytes = upload.bytes();
		if (bytes.length > MAX_BYTES) {
			throw UploadRejected.tooLarge("attachment.tooLarge", upload.fileName(), MAX_MEGABYTES);
		}
		if (isJpeg(bytes)) {
			return new Photo(fileName(upload.fileName(), ".jpg"), "image/jpeg", jpegWithoutMetadata(upload));
		}
		if (isPng(bytes)) {
			return new Photo(fileName(upload.fileName(), ".png"), "image/png", pngWithoutMetadata(upload));
		}
		throw UploadRejected.wrongType("attachment.type", upload.fileName());
	}

	private static boolean isJpeg(byte[] bytes) {
		return bytes.length > 4 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF;
	}

	private static boolean isPng(byte[] bytes) {
		if (bytes.length < PNG_SIGNATURE.length) {
			return false;
		}
		for (int i = 0; i < PNG_SIGNATURE.length; i++) {
			if (bytes[i] != PNG_SIGNATURE[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Copies the segments before the image data, all but the metadata ones, then the
	 * image data from the first start-of-scan on.
	 */
	private static byte[] jpegWithoutMetadata(Upload upload) {
		byte[] in = upload.bytes();
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(in, 0, 2);
		int i = 2;
		boolean oriented = false;
		while (true) {
			if (i + 1 >= in.length || (in[i] & 0xFF) != 0xFF) {
				throw broken(upload);
			}
			int marker = in[i + 1] & 0xFF;
			if (marker == 0xFF) {
				// a fill byte before a marker
				i++;
				continue;
			}
			if (marker == END_OF_IMAGE) {
				throw broken(upload);
			}
			if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				out.write(in, i, 2);
				i += 2;
				continue;
			}
			if (i + 3 >= in.length) {
				throw broken(upload);
			}
			int length = ((in[i + 2] & 0xFF) << 8) | (in[i + 3] & 0xFF);
			if (length < 2 || i + 2 + length > in.length) {
				throw broken(upload);
			}
			if (marker == START_OF_SCAN) {
				// what follows the image's end (a page or a script glued on) goes
				out.write(in, i, endOfImage(in, i) - i);
				return out.toByteArray();
			}
			if (marker != APP1 && marker != APP13 && marker != COMMENT) {
				out.write(in, i, 2 + length);
			}
			else if (marker == APP1 && !oriented) {
				int orientation = ExifOrientation.of(in, i + 4, i + 2 + length);
				if (orientation != 0) {
					out.writeBytes(ExifOrientation.segment(orientation));
					oriented = true;
				}
			}
			i += 2 + length;
		}
	}

	/**
	 * @return the index just past the last end-of-image marker, or the length of the
	 * bytes without one
	 */
	private static int endOfImage(byte[] in, int from) {
		for (int i = in.length - 2; i >= from; i--) {
			if ((in[i] & 0xFF) == 0xFF && (in[i + 1] & 0xFF) == END_OF_IMAGE) {
				return i + 2;
			}
		}
		return in.length;
	}

	private static byte[] pngWithoutMetadata(Upload upload) {
		byte[] in = upload.bytes();
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(in, 0, PNG_SIGNATURE.length);
		int i = PNG_SIGNATURE.length;
		boolean first = true;
		while (true) {
			if (i + 12 > in.length) {
				throw broken(upload);
			}
			long length = ((in[i] & 0xFFL) << 24) | ((in[i + 1] & 0xFF) << 16) | ((in[i + 2] & 0xFF) << 8)
					| (in[i + 3] & 0xFF);
			String type = new String(in, i + 4, 4, StandardCharsets.ISO_8859_1);
			if (length > in.length - i - 12 || (first && !type.equals("IHDR"))) {
				throw broken(upload);
			}
			int chunk = 12 + (int) length;
			if (Character.isUpperCase(type.charAt(0)) || PNG_KEPT.contains(type)) {
				out.write(in, i, chunk);
			}
			if (type.equals("IEND")) {
				return out.toByteArray();
			}
			i += chunk;
			first = false;
		}
	}

	private static UploadRejected broken(Upload upload) {
		return UploadRejected.wrongType("attachment.broken", upload.fileName());
	}

	/**
	 * Keeps the last part of the name a browser sent, without anything that could break a
	 * header, and with the extension of what the file really is.
	 */
	private static String fileName(String sent, String extension) {
		String name = sent.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
		int dot = name.lastIndexOf('.');
		String stem = (dot > 0) ? name.substring(0, dot) : name;
		if (stem.isBlank()) {
			stem = "photo";
		}
		if (stem.length() > 90) {
			stem = stem.substring(0, 90);
		}
		return stem + extension;
	}

}
