package org.anju.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check that fails the build on a leaked number finds one when there is one, and
 * nothing in masked or merely numeric text.
 */
class LeakedNumbersTests {

	@Test
	void aPlantedLogLineIsFoundWithItsLineNumber(@TempDir Path folder) throws IOException {
		String idNumber = IdNumberFixtures.newIdNumber();
		Path log = folder.resolve("run.log");
		Files.write(log,
				List.of("2026-11-26T23:00:00.000Z  INFO [main] org.anju.Start : started",
						"2026-11-26T23:00:01.000Z  WARN [main] org.anju.people : person " + idNumber
								+ " phone 13812345678",
						"2026-11-26T23:00:02.000Z  INFO [main] org.anju.people : person " + IdNumber.mask(idNumber)
								+ " phone " + Phone.mask("13812345678")),
				StandardCharsets.UTF_8);

		List<String> found = LeakedNumbers.inFile(log);

		assertThat(found).hasSize(2);
		assertThat(found.get(0)).startsWith("run.log:2: " + idNumber);
		assertThat(found.get(1)).startsWith("run.log:2: 13812345678");
	}

	@Test
	void aLowerCaseCheckLetterAndJsonQuotesDoNotHideANumber() {
		assertThat(LeakedNumbers.in("{\"idNumber\":\"11010519491231002x\",\"mobile\":\"15912345678\"}")).hasSize(2);
		assertThat(LeakedNumbers.in("身份证11010519491231002X，手机15912345678。")).hasSize(2);
	}

	@Test
	void hashesTimestampsAndMaskedNumbersAreNotNumbers() {
		assertThat(LeakedNumbers.in("sha256 a13812345678b9 at 1764198000123 id 110105********002X 138****5678 "
				+ "nanos 1101051949123100299 order 987654321"))
			.isEmpty();
	}

}
