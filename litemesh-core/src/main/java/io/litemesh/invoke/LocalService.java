/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.invoke;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * A service this node offers: a bean, the name, version and tags it is advertised with,
 * and its endpoints.
 *
 * @author LiteMesh team
 * @see ServiceRegistry
 */
public final class LocalService {

	private final String name;

	private final String version;

	private final Map<String, String> tags;

	private final Object bean;

	private final Map<String, Endpoint> endpoints;

	LocalService(String name, String version, Map<String, String> tags, Object bean, Map<String, Endpoint> endpoints) {
		this.name = name;
		this.version = version;
		// Sorted, so that what is advertised does not depend on declaration order
		this.tags = Collections.unmodifiableMap(new TreeMap<>(tags));
		this.bean = bean;
		this.endpoints = Collections.unmodifiableMap(new TreeMap<>(endpoints));
	}

	/**
	 * Return the name of the service.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the version of the service.
	 * @return the version, empty when unset
	 */
	public String version() {
		return this.version;
	}

	/**
	 * Return the tags of the service.
	 * @return the tags, sorted by key, never {@code null}
	 */
	public Map<String, String> tags() {
		return this.tags;
	}

	/**
	 * Return the bean that implements the service, possibly a proxy.
	 * @return the bean
	 */
	public Object bean() {
		return this.bean;
	}

	/**
	 * Return the names of the endpoints of the service.
	 * @return the endpoint names, sorted
	 */
	public List<String> endpointNames() {
		return List.copyOf(this.endpoints.keySet());
	}

	/**
	 * Return the endpoint of the given name.
	 * @param name the endpoint name
	 * @return the endpoint, or {@code null} if the service has none of that name
	 */
	public @Nullable Endpoint endpoint(String name) {
		return this.endpoints.get(name);
	}

	@Override
	public String toString() {
		return "LocalService '" + this.name + "' " + this.endpoints.keySet();
	}

}
