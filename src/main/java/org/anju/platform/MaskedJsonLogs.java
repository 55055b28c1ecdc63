package org.anju.platform;

import org.springframework.boot.json.JsonWriter.Members;
import org.springframework.boot.json.JsonWriter.ValueProcessor;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Masks ID numbers and mobiles in every text of a JSON log line, as the plain log's
 * converters do, so that switching a node to JSON logs for a log shipper does not ship
 * personal data. Spring Boot instantiates it from
 * {@code logging.structured.json.customizer}.
 */
public class MaskedJsonLogs implements StructuredLoggingJsonMembersCustomizer<Object> {

	@Override
	public void customize(Members<Object> members) {
		members.applyingValueProcessor(ValueProcessor.of(String.class, LogMask::apply));
	}

}
