/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;

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

}
