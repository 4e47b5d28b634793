/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * The checks that settings records run eagerly, each naming the setting, its
 * {@code litemesh.*} property and the bad value.
 *
 * @author LiteMesh team
 */
final class SettingChecks {

	private SettingChecks() {
	}

	static void requireText(@Nullable String value, String name, String property) {
		if (value == null || value.isBlank()) {
			throw new InvalidMeshSettingException(name, property, value, "must not be empty");
		}
	}

	static void optionalText(@Nullable String value, String name, String property) {
		if (value != null) {
			requireText(value, name, property);
		}
	}

	static void requireRange(int value, String name, String property, int min, int max) {
		if (value < min || value > max) {
			throw new InvalidMeshSettingException(name, property, value, "must be between " + min + " and " + max);
		}
	}

	static void requirePositive(@Nullable Duration value, String name, String property) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new InvalidMeshSettingException(name, property, value, "must be positive");
		}
	}

	static void requireSecret(@Nullable String secret) {
		if (secret != null && secret.length() < 8) {
			// never echo a secret, not even a bad one
			throw new InvalidMeshSettingException("secret", "security.secret", "(hidden)",
					"must have at least 8 characters");
		}
	}

	static void requirePresent(@Nullable Object value, String name, String property) {
		if (value == null) {
			throw new InvalidMeshSettingException(name, property, null, "must not be null");
		}
	}

	static String randomSuffix(int length) {
		String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
		StringBuilder suffix = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			suffix.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
		}
		return suffix.toString();
	}

}
