/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.invoke;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.core.BridgeMethodResolver;
import org.springframework.core.ResolvableType;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the methods of a service class that are endpoints: every public instance method
 * it declares or inherits, except those of {@link Object} and those that belong to JDK,
 * Spring or Kotlin types (lifecycle callbacks such as
 * {@code InitializingBean.afterPropertiesSet} or {@code AutoCloseable.close} must not be
 * callable from other nodes).
 *
 * @author LiteMesh team
 */
final class EndpointMethods {

	private static final List<String> FRAMEWORK_PACKAGES = List.of("java.", "javax.", "jakarta.", "jdk.", "kotlin.",
			"org.springframework.");

	private EndpointMethods() {
	}

	/**
	 * Return the endpoint methods of a class by name.
	 * @param userClass the class, not a proxy class
	 * @return the methods, sorted by name
	 * @throws IllegalStateException if two endpoint methods share a name
	 */
	static Map<String, Method> find(Class<?> userClass) {
		Set<Class<?>> frameworkTypes = frameworkTypes(userClass);
		Map<String, Method> methods = new TreeMap<>();
		for (Method method : publicMethods(userClass)) {
			if (isFrameworkMethod(method, userClass, frameworkTypes)) {
				continue;
			}
			Method previous = methods.putIfAbsent(method.getName(), method);
			if (previous != null) {
				throw new IllegalStateException("Class " + userClass.getName() + " overloads endpoint method '"
						+ method.getName() + "'; endpoints are called by name, so give each overload its own name");
			}
		}
		return methods;
	}

	private static Set<Method> publicMethods(Class<?> userClass) {
		// Bridges are kept at first so that they hide the generic methods they override
		// (Base<T>.handle(Object) behind Impl.handle(String)), then are swapped for the
		// methods they bridge
		Method[] unique = ReflectionUtils.getUniqueDeclaredMethods(userClass, (method) -> {
			int modifiers = method.getModifiers();
			return Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers)
					&& (method.isBridge() || !method.isSynthetic());
		});
		Set<Method> methods = new LinkedHashSet<>();
		for (Method method : unique) {
			Method bridged = method.isBridge() ? BridgeMethodResolver.findBridgedMethod(method) : method;
			if (!bridged.isBridge() && !bridged.isSynthetic()) {
				methods.add(bridged);
			}
		}
		return methods;
	}

	private static Set<Class<?>> frameworkTypes(Class<?> userClass) {
		Set<Class<?>> types = new LinkedHashSet<>();
		collectSupertypes(userClass, types);
		types.removeIf((type) -> !isFrameworkType(type));
		return types;
	}

	private static void collectSupertypes(@Nullable Class<?> type, Set<Class<?>> types) {
		if (type != null && types.add(type)) {
			collectSupertypes(type.getSuperclass(), types);
			for (Class<?> ifc : type.getInterfaces()) {
				collectSupertypes(ifc, types);
			}
		}
	}

	private static boolean isFrameworkType(Class<?> type) {
		return FRAMEWORK_PACKAGES.stream().anyMatch(type.getName()::startsWith);
	}

	private static boolean isFrameworkMethod(Method method, Class<?> userClass, Set<Class<?>> frameworkTypes) {
		if (isFrameworkType(method.getDeclaringClass())) {
			return true;
		}
		for (Class<?> type : frameworkTypes) {
			for (Method candidate : type.getDeclaredMethods()) {
				if (!Modifier.isPrivate(candidate.getModifiers()) && !Modifier.isStatic(candidate.getModifiers())
						&& overrides(method, candidate, userClass)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean overrides(Method method, Method candidate, Class<?> userClass) {
		if (!method.getName().equals(candidate.getName())
				|| method.getParameterCount() != candidate.getParameterCount()) {
			return false;
		}
		Class<?>[] types = method.getParameterTypes();
		Class<?>[] candidateTypes = candidate.getParameterTypes();
		for (int i = 0; i < types.length; i++) {
			// Generic types: Consumer<Order>.accept(T) is overridden by accept(Order)
			if (types[i] != candidateTypes[i]
					&& types[i] != ResolvableType.forMethodParameter(candidate, i, userClass).resolve()) {
				return false;
			}
		}
		return true;
	}

}
