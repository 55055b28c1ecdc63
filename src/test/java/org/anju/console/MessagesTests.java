package org.anju.console;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text of the console exists in Chinese and in English, and every message key that
 * a template names exists.
 */
class MessagesTests {

	private static final Path BUNDLES = Path.of("src/main/resources/i18n");

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/**
	 * A literal key in a message expression: #{people.title} or #{people.count(${n})}.
	 */
	private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z][\\w.]*)\\s*[}(]");

	@Test
	void everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
		List<Path> chinese = chineseBundles();
		assertThat(chinese).extracting((path) -> path.getFileName().toString()).contains("messages.properties");
		for (Path zh : chinese) {
			Path en = zh.resolveSibling(zh.getFileName().toString().replace(".properties", "_en.properties"));
			assertThat(en).as("English twin of %s", zh).exists();
			Set<String> zhKeys = keys(zh);
			Set<String> enKeys = keys(en);
			assertThat(difference(zhKeys, enKeys)).as("keys of %s missing in %s", zh, en.getFileName()).isEmpty();
			assertThat(difference(enKeys, zhKeys)).as("keys of %s missing in %s", en, zh.getFileName()).isEmpty();
		}
	}

	/**
	 * History kinds are named on the person page by a key built at run time, so the
	 * literal-key check cannot see them; the kinds come from the schema's own constraint.
	 */
	@Test
	void everyKindOfHistoryEntryHasAName() throws IOException {
		String schema = Files.readString(Path.of("src/main/resources/db/migration/V1__foundation.sql"));
		Matcher constraint = Pattern
			.compile("create table person_history \\(.*?kind text not null check \\(kind in \\(([^)]*)\\)\\)",
					Pattern.DOTALL)
			.matcher(schema);
		assertThat(constraint.find()).as("person_history's kind constraint").isTrue();
		Set<String> kinds = new TreeSet<>();
		Matcher kind = Pattern.compile("'([A-Z_]+)'").matcher(constraint.group(1));
		while (kind.find()) {
			kinds.add("history." + kind.group(1));
		}
		assertThat(kinds).hasSizeGreaterThan(3);
		assertThat(keys(BUNDLES.resolve("messages.properties"))).containsAll(kinds);
		assertThat(keys(BUNDLES.resolve("messages_en.properties"))).containsAll(kinds);
	}

	/**
	 * A key written twice keeps only its last value, silently: a label and an error
	 * message once shared a key, and the page showed the error as its label. Bundles are
	 * merged into one namespace, so a key may not repeat across them either.
	 */
	@Test
	void noKeyIsWrittenTwice() throws IOException {
		for (String suffix : List.of(".properties", "_en.properties")) {
			Map<String, String> seen = new HashMap<>();
			List<String> twice = new ArrayList<>();
			for (Path zh : chineseBundles()) {
				Path bundle = zh.resolveSibling(zh.getFileName().toString().replace(".properties", suffix));
				for (String line : Files.readAllLines(bundle, StandardCharsets.UTF_8)) {
					Matcher entry = Pattern.compile("^([A-Za-z][\\w.\\-]*)\\s*=").matcher(line);
					if (entry.find()) {
						String before = seen.put(entry.group(1), bundle.getFileName().toString());
						if (before != null) {
							twice.add(entry.group(1) + " (" + before + ", " + bundle.getFileName() + ")");
						}
					}
				}
			}
			assertThat(twice).as("keys written twice in the *%s bundles", suffix).isEmpty();
		}
	}

	@Test
	void noMessageIsEmpty() throws IOException {
		for (Path zh : chineseBundles()) {
			for (Path bundle : List.of(zh,
					zh.resolveSibling(zh.getFileName().toString().replace(".properties", "_en.properties")))) {
				Properties properties = load(bundle);
				assertThat(properties.stringPropertyNames()).as("empty messages in %s", bundle)
					.allSatisfy((key) -> assertThat(properties.getProperty(key)).as(key).isNotBlank());
			}
		}
	}

	@Test
	void everyKeyThatATemplateNamesExistsInBothLanguages() throws IOException {
		Set<String> zh = new HashSet<>();
		Set<String> en = new HashSet<>();
		for (Path bundle : chineseBundles()) {
			zh.addAll(keys(bundle));
			en.addAll(keys(
					bundle.resolveSibling(bundle.getFileName().toString().replace(".properties", "_en.properties"))));
		}
		Set<String> used = new TreeSet<>();
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path template : files.filter((path) -> path.toString().endsWith(".html")).toList()) {
				Matcher matcher = KEY.matcher(Files.readString(template));
				while (matcher.find()) {
					used.add(matcher.group(1));
				}
			}
		}
		assertThat(used).contains("home.title", "people.title", "error.404.title");
		assertThat(difference(used, zh)).as("keys used in templates but missing in Chinese").isEmpty();
		assertThat(difference(used, en)).as("keys used in templates but missing in English").isEmpty();
	}

	private static List<Path> chineseBundles() throws IOException {
		try (Stream<Path> files = Files.list(BUNDLES)) {
			return files.filter((path) -> path.getFileName().toString().matches("[a-z]+\\.properties"))
				.sorted()
				.toList();
		}
	}

	private static Set<String> keys(Path bundle) throws IOException {
		return new TreeSet<>(load(bundle).stringPropertyNames());
	}

	private static Properties load(Path bundle) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private static List<String> difference(Set<String> left, Set<String> right) {
		List<String> missing = new ArrayList<>(left);
		missing.removeAll(right);
		return missing;
	}

}
