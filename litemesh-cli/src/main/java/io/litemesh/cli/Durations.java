/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as people type them on a command line ({@code 10s}, {@code 500ms},
 * {@code 2m}, a bare number of seconds) or in ISO-8601 ({@code PT10S}), and as the CLI
 * writes them in messages.
 *
 * @author LiteMesh team
 */
final class Durations implements ITypeConverter<Duration> {

	private static final Pattern SIMPLE = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");

	@Override
	public Duration convert(String value) {
		return parse(value);
	}

	static Duration parse(String value) {
		String text = value.trim().toLowerCase(Locale.ROOT);
		Duration duration;
		Matcher simple = SIMPLE.matcher(text);
		if (simple.matches()) {
			long amount = Long.parseLong(simple.group(1));
			String unit = (simple.group(2) != null) ? simple.group(2) : "s";
			duration = switch (unit) {
				case "ms" -> Duration.ofMillis(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofSeconds(amount);
			};
		}
		else {
			try {
				duration = Duration.parse(value.trim());
			}
			catch (DateTimeParseException ex) {
				throw new TypeConversionException(
						"'" + value + "' is not a duration; write it as 10s, 500ms, 2m or PT10S");
			}
		}
		if (duration.isNegative() || duration.isZero()) {
			throw new TypeConversionException("'" + value + "' must be a positive duration");
		}
		return duration;
	}

	/**
	 * Write a duration the way it is typed.
	 * @param duration the duration
	 * @return such as {@code 10s} or {@code 1500ms}
	 */
	static String format(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

}
