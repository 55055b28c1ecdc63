package org.anju.faults;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The phone appeal the fault tests take in, and the id in the answer. */
final class Appeals {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	private Appeals() {
	}

	static String body(String title) {
		return """
				{"caller":{"name":"王建国","phone":"0730-8123456"},"categoryCode":"PROPERTY_REPAIR","channel":"PHONE",\
				"title":"%s","description":"楼道灯不亮"}""".formatted(title);
	}

	static long id(String body) {
		Matcher id = ID.matcher(body);
		assertThat(id.find()).as(body).isTrue();
		return Long.parseLong(id.group(1));
	}

}
