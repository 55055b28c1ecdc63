package org.anju.platform;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JSON log line, written by Spring Boot's own encoder as the {@code json-logs} profile
 * configures it, carries no ID number or mobile in its message, its arguments or its
 * stack trace.
 */
class MaskedJsonLogsTests {

	@Test
	void theJsonLineMasksTheMessageAndTheStackTrace() {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new LogbackMDCAdapter());
		context.putObject(Environment.class.getName(), new MockEnvironment()
			.withProperty("logging.structured.json.customizer", MaskedJsonLogs.class.getName()));
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat("ecs");
		encoder.start();
		LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger("anju.test"), Level.WARN,
				"person {} called from {}", new IllegalStateException("duplicate 11010519491231002X"),
				new Object[] { "11010519491231002X", "13812345678" });

		String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

		assertThat(line).startsWith("{")
			.contains("\"message\":\"person 110105********002X called from 138****5678\"")
			.contains("duplicate 110105********002X")
			.doesNotContain("11010519491231002X")
			.doesNotContain("13812345678");
	}

}
