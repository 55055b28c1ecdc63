package org.anju.messaging;

import java.time.Instant;
import java.util.List;

/**
 * A template as the console and the API show it: its text in Chinese, the placeholders it
 * may use, and the version an edit must be based on.
 */
record SmsTemplate(String code, String bodyZh, List<String> placeholders, long version, Instant updatedAt,
		String updatedBy) {

	TemplateText text() {
		return TemplateText.parse(this.bodyZh, this.placeholders);
	}

}
