/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * Configuration properties for the mesh graph page.
 *
 * @author LiteMesh team
 */
@ConfigurationProperties("litemesh.ui")
public class LiteMeshUiProperties {

	/**
	 * Whether to serve the mesh graph page on the application's web server.
	 */
	private boolean enabled = true;

	/**
	 * Path of the mesh graph page; its scripts and styles are served below it.
	 */
	private String path = "/litemesh";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		Assert.isTrue(path.startsWith("/"), "'path' must start with '/'");
		String cleaned = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		// "/" would put the page and its assets over the application's own root
		Assert.isTrue(!cleaned.isEmpty(), "'path' must not be '/'");
		this.path = cleaned;
	}

}
