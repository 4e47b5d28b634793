/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.invoke;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

import io.litemesh.MeshService;
import io.litemesh.codec.Envelope;
import io.litemesh.codec.JsonCodec;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * The services this node offers, each with the endpoints discovered on its bean.
 * Thread-safe.
 * <p>
 * Discovery looks at the user class of a bean (not a CGLIB or AOP proxy class) and
 * invokes on the bean itself, so proxied beans keep their advice. Anything that would
 * make a service ambiguous to its callers (two services of one name, overloaded endpoint
 * names, more than one payload parameter, malformed tags) fails registration with an
 * {@link IllegalStateException} that names the culprit.
 *
 * @author LiteMesh team
 * @see MeshService
 */
public final class ServiceRegistry {

	private final ConcurrentMap<String, LocalService> services = new ConcurrentHashMap<>();

	private final JsonCodec codec;

	/**
	 * Create an empty registry.
	 * @param codec the codec for payloads and results
	 */
	public ServiceRegistry(JsonCodec codec) {
		Assert.notNull(codec, "'codec' must not be null");
		this.codec = codec;
	}

	/**
	 * Register a bean as a service of the given name, version and tags.
	 * @param name the service name
	 * @param version the service version, empty for none
	 * @param tags the service tags
	 * @param bean the bean, possibly a proxy
	 * @return the registered service
	 * @throws IllegalStateException if a service of that name is already registered or
	 * the bean's methods are not valid endpoints
	 */
	public LocalService register(String name, String version, Map<String, String> tags, Object bean) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(version, "'version' must not be null");
		Assert.notNull(tags, "'tags' must not be null");
		Assert.notNull(bean, "'bean' must not be null");
		Class<?> userClass = userClass(bean);
		if (name.equals(Envelope.CONTROL_SERVICE)) {
			throw new IllegalStateException("Bean of class " + userClass.getName() + " cannot be service '" + name
					+ "': every node serves the built-in service '" + name
					+ "' (mesh.snapshot, mesh.node); give it another @MeshService name");
		}
		Map<String, Endpoint> endpoints = new LinkedHashMap<>();
		for (Map.Entry<String, Method> entry : EndpointMethods.find(userClass).entrySet()) {
			endpoints.put(entry.getKey(), new Endpoint(name, userClass, entry.getValue(), bean, this.codec));
		}
		LocalService service = new LocalService(name, version, tags, bean, endpoints);
		LocalService existing = this.services.putIfAbsent(name, service);
		if (existing != null) {
			throw new IllegalStateException(
					"Node offers service '" + name + "' twice: beans of class " + userClass(existing.bean()).getName()
							+ " and " + userClass.getName() + "; give one of them another @MeshService name");
		}
		return service;
	}

	/**
	 * Register a bean whose class is annotated with {@link MeshService}, under the name,
	 * version and tags the annotation gives; the service name defaults to the bean name.
	 * @param beanName the bean name
	 * @param bean the bean, possibly a proxy
	 * @return the registered service
	 * @throws IllegalArgumentException if the bean's class is not annotated
	 * @throws IllegalStateException if a tag is malformed, a service of that name is
	 * already registered or the bean's methods are not valid endpoints
	 */
	public LocalService registerAnnotated(String beanName, Object bean) {
		return registerAnnotated(beanName, bean, UnaryOperator.identity());
	}

	/**
	 * Register a bean annotated with {@link MeshService}, resolving placeholders such as
	 * {@code ${region}} in its name, version and tags, so one class can serve differently
	 * configured instances.
	 * @param beanName the name to use when the annotation names no service
	 * @param bean the bean
	 * @param resolver resolves placeholders in the annotation's attributes
	 * @return the registered service
	 */
	public LocalService registerAnnotated(String beanName, Object bean, UnaryOperator<String> resolver) {
		Assert.hasText(beanName, "'beanName' must not be empty");
		Assert.notNull(bean, "'bean' must not be null");
		Class<?> userClass = userClass(bean);
		// Merged, so that value and name are aliases and meta-annotations count
		MeshService annotation = AnnotatedElementUtils.findMergedAnnotation(userClass, MeshService.class);
		Assert.isTrue(annotation != null, () -> "Bean '" + beanName + "' of class " + userClass.getName()
				+ " is not annotated with @MeshService");
		String name = annotation.name().isEmpty() ? beanName : resolver.apply(annotation.name());
		String[] tags = Arrays.stream(annotation.tags()).map(resolver).toArray(String[]::new);
		return register(name, resolver.apply(annotation.version()), parseTags(userClass, tags), bean);
	}

	/**
	 * Return the service of the given name.
	 * @param name the service name
	 * @return the service, or {@code null} if this node does not offer it
	 */
	public @Nullable LocalService find(String name) {
		return this.services.get(name);
	}

	/**
	 * Return the services of this node.
	 * @return an immutable snapshot, sorted by name
	 */
	public List<LocalService> services() {
		return this.services.values().stream().sorted(Comparator.comparing(LocalService::name)).toList();
	}

	private static Map<String, String> parseTags(Class<?> userClass, String[] tags) {
		Map<String, String> parsed = new LinkedHashMap<>();
		for (String tag : tags) {
			int separator = tag.indexOf('=');
			String key = (separator > 0) ? tag.substring(0, separator).trim() : "";
			if (key.isEmpty()) {
				throw new IllegalStateException("Class " + userClass.getName() + " has malformed @MeshService tag '"
						+ tag + "'; write tags as key=value");
			}
			if (parsed.put(key, tag.substring(separator + 1).trim()) != null) {
				throw new IllegalStateException("Class " + userClass.getName() + " has @MeshService tag '" + tag
						+ "' whose key is already used by another tag");
			}
		}
		return parsed;
	}

	private static Class<?> userClass(Object bean) {
		// AopUtils sees through AOP proxies, ClassUtils through other CGLIB subclasses
		return ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
	}

}
