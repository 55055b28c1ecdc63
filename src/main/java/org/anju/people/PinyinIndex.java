package org.anju.people;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * The pinyin a name can be searched by: every reading of every character, so that
 * polyphonic surnames still match (曾 zeng and ceng, 单 shan and dan), in full
 * ({@code zhangsan}) and as initials ({@code zs}). Public only so that the roster import
 * can fill these columns in bulk.
 */
public final class PinyinIndex {

	/** A name of many polyphonic characters stops growing readings here. */
	static final int MAX_READINGS = 64;

	private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

	/**
	 * Names share a few thousand characters; pinyin4j formats every reading anew on each
	 * call, so the readings of a character are kept once looked up. A roster of 50,000
	 * names spends most of its pinyin time here otherwise.
	 */
	private static final Map<Character, List<String>> READINGS = new ConcurrentHashMap<>();

	static {
		FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
	}

	private PinyinIndex() {
	}

	/**
	 * @return the readings of a name, the most usual first; never {@literal null}
	 */
	public static Keys of(String name) {
		List<String> full = new ArrayList<>(List.of(""));
		List<String> initials = new ArrayList<>(List.of(""));
		for (int i = 0; i < name.length(); i++) {
			List<String> readings = readings(name.charAt(i));
			if (readings.isEmpty()) {
				continue;
			}
			full = combine(full, readings, false);
			initials = combine(initials, readings, true);
		}
		Set<String> fullSet = new LinkedHashSet<>(full);
		Set<String> initialSet = new LinkedHashSet<>(initials);
		Set<String> keys = new LinkedHashSet<>(fullSet);
		keys.addAll(initialSet);
		keys.remove("");
		return new Keys(List.copyOf(keys), String.join(" ", fullSet).strip(), full.isEmpty() ? "" : full.get(0));
	}

	private static List<String> readings(char c) {
		return READINGS.computeIfAbsent(c, PinyinIndex::lookUp);
	}

	private static List<String> lookUp(char c) {
		if (Character.isLetterOrDigit(c) && c < 128) {
			return List.of(String.valueOf(c).toLowerCase(Locale.ROOT));
		}
		try {
			String[] found = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
			if (found == null) {
				return List.of();
			}
			return List.copyOf(new LinkedHashSet<>(List.of(found)));
		}
		catch (BadHanyuPinyinOutputFormatCombination ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> combine(List<String> prefixes, List<String> readings, boolean initialsOnly) {
		List<String> combined = new ArrayList<>();
		for (String prefix : prefixes) {
			for (String reading : readings) {
				String part = initialsOnly ? reading.substring(0, 1) : reading;
				String next = prefix + part;
				if (!combined.contains(next) && combined.size() < MAX_READINGS) {
					combined.add(next);
				}
			}
		}
		return combined;
	}

	/**
	 * @param keys full readings and initials, for an exact match
	 * @param text the full readings joined by spaces, for a partial match
	 * @param sortKey the most usual reading, to sort by
	 */
	public record Keys(List<String> keys, String text, String sortKey) {
	}

}
