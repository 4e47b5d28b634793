/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.view;

import java.util.List;
import java.util.Map;

/**
 * A service as a node advertises it to the mesh.
 *
 * @param name the service name
 * @param version the version, {@code ""} when unset
 * @param endpoints the endpoint names, sorted
 * @param tags the tags
 * @author LiteMesh team
 */
public record ServiceInfo(String name, String version, List<String> endpoints, Map<String, String> tags) {

	/**
	 * Create a service description, copying its collections.
	 * @param name the service name
	 * @param version the version, {@code ""} when unset
	 * @param endpoints the endpoint names
	 * @param tags the tags
	 */
	public ServiceInfo {
		version = (version != null) ? version : "";
		endpoints = List.copyOf(endpoints);
		tags = Map.copyOf(tags);
	}

}
