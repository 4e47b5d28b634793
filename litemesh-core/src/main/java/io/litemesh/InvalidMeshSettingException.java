/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a {@link MeshSettings} value is bad: names the setting, so that the
 * auto-configuration can name the property the user wrote.
 *
 * @author LiteMesh team
 */
public final class InvalidMeshSettingException extends IllegalArgumentException {

	private final String setting;

	private final String property;

	private final @Nullable Object value;

	private final String reason;

	InvalidMeshSettingException(String setting, String property, @Nullable Object value, String reason) {
		super("'" + setting + "' (litemesh." + property + ") " + reason + ", but was " + value);
		this.setting = setting;
		this.property = "litemesh." + property;
		this.value = value;
		this.reason = reason;
	}

	/**
	 * Return the configuration property behind the setting.
	 * @return such as {@code litemesh.max-hops}
	 */
	public String property() {
		return this.property;
	}

	/**
	 * Return the name of the bad setting, as the record component names it.
	 * @return such as {@code maxHops}
	 */
	public String setting() {
		return this.setting;
	}

	/**
	 * Return the bad value; {@code (hidden)} for a secret.
	 * @return the value
	 */
	public @Nullable Object value() {
		return this.value;
	}

	/**
	 * Return what is wrong, without the setting's name.
	 * @return such as {@code must be between 1 and 255}
	 */
	public String reason() {
		return this.reason;
	}

}
