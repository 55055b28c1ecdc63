package org.anju.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Shows moments as people in the community read them, in Asia/Shanghai time, for the
 * console's templates ({@code ${@time.of(entry.at())}}).
 */
@Component("time")
public class ConsoleTime {

	private static final DateTimeFormatter SHANGHAI = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.of("Asia/Shanghai"));

	/**
	 * @return the moment as {@code 2026-11-26 14:30:00} in Asia/Shanghai, or an empty
	 * string for none
	 */
	public String of(@Nullable Instant moment) {
		return (moment != null) ? SHANGHAI.format(moment) : "";
	}

}
