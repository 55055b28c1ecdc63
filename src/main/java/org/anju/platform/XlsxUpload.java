package org.anju.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.anju.shared.UploadRejected;

import org.springframework.web.multipart.MultipartFile;

/**
 * The gate every uploaded workbook passes (rosters, historical ledgers): an xlsx by its
 * content, not its name, small enough to read, without macros, and no zip bomb. Every
 * entry is inflated once and counted, since the sizes a zip declares can lie.
 */
public final class XlsxUpload {

	/** The largest upload read at all: 20 MB. */
	public static final long MAX_BYTES = 20L * 1024 * 1024;

	static final long MAX_UNPACKED_BYTES = 200L * 1024 * 1024;

	static final int MAX_RATIO = 100;

	static final int MAX_ENTRIES = 1000;

	/** Small parts such as styles compress far; the ratio matters only for large ones. */
	private static final long RATIO_FLOOR_BYTES = 1024 * 1024;

	private static final byte[] ZIP_SIGNATURE = { 'P', 'K', 3, 4 };

	private XlsxUpload() {
	}

	/**
	 * @throws UploadRejected 413 when the file or its unpacked content is too large, 415
	 * when it is not an xlsx, carries macros or looks like a zip bomb
	 */
	public static void check(Path file) throws IOException {
		if (Files.size(file) > MAX_BYTES) {
			throw tooLarge();
		}
		byte[] head = new byte[4];
		try (InputStream in = Files.newInputStream(file)) {
			if (in.readNBytes(head, 0, 4) < 4 || !Arrays.equals(head, ZIP_SIGNATURE)) {
				throw UploadRejected.wrongType("upload.notXlsx");
			}
		}
		try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
			if (zip.size() > MAX_ENTRIES) {
				throw UploadRejected.tooLarge("upload.tooManyEntries", MAX_ENTRIES);
			}
			boolean workbook = false;
			long total = 0;
			byte[] buffer = new byte[64 * 1024];
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				String name = entry.getName().toLowerCase(Locale.ROOT);
				if (name.endsWith("vbaproject.bin")) {
					throw UploadRejected.wrongType("upload.macro");
				}
				workbook |= name.equals("xl/workbook.xml");
				long size = 0;
				try (InputStream in = zip.getInputStream(entry)) {
					for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
						size += n;
						total += n;
						if (total > MAX_UNPACKED_BYTES) {
							throw UploadRejected.tooLarge("upload.unpackedTooLarge", MAX_UNPACKED_BYTES / 1024 / 1024);
						}
						if (size > RATIO_FLOOR_BYTES && size > MAX_RATIO * Math.max(1, entry.getCompressedSize())) {
							throw UploadRejected.wrongType("upload.zipBomb", MAX_RATIO);
						}
					}
				}
				if (name.equals("[content_types].xml") && (size > RATIO_FLOOR_BYTES || macroEnabled(zip, entry))) {
					throw UploadRejected.wrongType("upload.macro");
				}
			}
			if (!workbook) {
				throw UploadRejected.wrongType("upload.notXlsx");
			}
		}
		catch (ZipException ex) {
			throw UploadRejected.wrongType("upload.corrupt");
		}
	}

	/**
	 * Keeps an upload in a temporary file for as long as the work on it lasts.
	 * @throws UploadRejected 413 when the upload is over {@link #MAX_BYTES}, before it is
	 * written anywhere
	 */
	public static <T> T withUpload(MultipartFile file, Work<T> work) throws IOException {
		if (file.getSize() > MAX_BYTES) {
			throw tooLarge();
		}
		Path path = Files.createTempFile("anju-upload-", ".xlsx");
		try {
			file.transferTo(path);
			return work.on(path);
		}
		finally {
			Files.deleteIfExists(path);
		}
	}

	/**
	 * @return the answer to an upload over {@link #MAX_BYTES}
	 */
	public static UploadRejected tooLarge() {
		return UploadRejected.tooLarge("upload.tooLarge", MAX_BYTES / 1024 / 1024);
	}

	/**
	 * @return the name the client gave the file, or {@code fallback}
	 */
	public static String fileName(MultipartFile file, String fallback) {
		String name = file.getOriginalFilename();
		return (name == null || name.isBlank()) ? fallback : name.strip();
	}

	private static boolean macroEnabled(ZipFile zip, ZipEntry contentTypes) throws IOException {
		try (InputStream in = zip.getInputStream(contentTypes)) {
			// Inflated and measured above: under a megabyte.
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return text.toLowerCase(Locale.ROOT).contains("macroenabled");
		}
	}

	/**
	 * What is done with an upload while it is kept.
	 */
	public interface Work<T> {

		T on(Path file) throws IOException;

	}

}
