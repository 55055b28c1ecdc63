package org.anju.platform;

import java.nio.file.Files;
import java.nio.file.Path;

import org.anju.shared.LeakedNumbers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every line the whole test run logged, through the production layout, holds no full ID
 * number or mobile. Run by {@code ./mvnw verify} after all other tests (the
 * {@code captured-logs} execution in pom.xml), on the file
 * {@code src/test/resources/logback-capture.xml} writes; {@code LeakedNumbersTests} shows
 * that the check finds a planted number.
 */
class RunLogTests {

	private static final Path RUN_LOG = Path.of("target/test-logs/run.log");

	@Test
	void theRunsLogsHoldNoFullNumber() throws Exception {
		assertThat(RUN_LOG).as("the run's captured logs").exists();
		assertThat(Files.size(RUN_LOG)).as("captured log size").isPositive();
		assertThat(LeakedNumbers.inFile(RUN_LOG)).as("full numbers in %s", RUN_LOG).isEmpty();
	}

}
