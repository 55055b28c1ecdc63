package org.anju.shared;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what masking must never let through: a full ID number ({@code \d{17}[\dXx]}) or a
 * mobile number ({@code 1[3-9]\d{9}}). A match must stand alone, not inside a longer run
 * of letters and digits, so that a hash or a millisecond timestamp is not taken for a
 * number.
 */
public final class LeakedNumbers {

	private static final Pattern NUMBER = Pattern
		.compile("(?<![0-9A-Za-z])(\\d{17}[\\dXx]|1[3-9]\\d{9})(?![0-9A-Za-z])");

	private static final int CONTEXT = 60;

	private LeakedNumbers() {
	}

	/**
	 * @return each full number found, with a little of the text around it
	 */
	public static List<String> in(String text) {
		List<String> found = new ArrayList<>();
		Matcher number = NUMBER.matcher(text);
		while (number.find()) {
			found.add(number.group(1) + " in «"
					+ text
						.substring(Math.max(0, number.start() - CONTEXT),
								Math.min(text.length(), number.end() + CONTEXT))
						.replace('\n', ' ')
					+ "»");
		}
		return found;
	}

	/**
	 * Reads the file line by line, so that a large log costs no memory.
	 * @return each full number found, with its line number
	 */
	public static List<String> inFile(Path file) {
		List<String> found = new ArrayList<>();
		try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			int lineNumber = 0;
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				lineNumber++;
				for (String leak : in(line)) {
					found.add(file.getFileName() + ":" + lineNumber + ": " + leak);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found;
	}

}
