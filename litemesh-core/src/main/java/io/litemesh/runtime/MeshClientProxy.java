/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.runtime;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

import io.litemesh.MeshException;
import io.litemesh.Target;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JavaType;

import org.springframework.core.ResolvableType;

/**
 * Implements {@link io.litemesh.MeshOperations#client}: each method of the interface
 * calls the endpoint of the same name. Methods are checked when the proxy is made, so a
 * bad interface fails early.
 *
 * @author LiteMesh team
 */
final class MeshClientProxy implements InvocationHandler {

	private final MeshCalls template;

	private final Class<?> api;

	private final Target target;

	private final Duration timeout;

	private MeshClientProxy(MeshCalls template, Class<?> api, Target target, Duration timeout) {
		this.template = template;
		this.api = api;
		this.target = target;
		this.timeout = timeout;
	}

	static <T> T create(MeshCalls template, Class<T> api, Target target, Duration timeout) {
		if (!api.isInterface()) {
			throw new IllegalArgumentException("'api' must be an interface, but " + api.getName() + " is not");
		}
		for (Method method : api.getMethods()) {
			if (!method.isDefault() && method.getParameterCount() > 1) {
				throw new IllegalArgumentException("Method " + api.getName() + "." + method.getName() + " takes "
						+ method.getParameterCount() + " parameters; a mesh endpoint takes at most one payload");
			}
		}
		Object proxy = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] { api },
				new MeshClientProxy(template, api, target, timeout));
		return api.cast(proxy);
	}

	@Override
	public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
		if (method.getDeclaringClass() == Object.class) {
			return switch (method.getName()) {
				case "toString" -> "MeshClient[" + this.api.getName() + " -> " + this.target + "]";
				case "hashCode" -> System.identityHashCode(proxy);
				case "equals" -> proxy == args[0];
				default -> throw new UnsupportedOperationException(method.getName());
			};
		}
		if (method.isDefault()) {
			return InvocationHandler.invokeDefault(proxy, method, args);
		}
		Object payload = (args != null && args.length == 1) ? args[0] : null;
		String endpoint = method.getName();
		Class<?> returnType = method.getReturnType();
		if (this.target.mode() == Target.Mode.BROADCAST) {
			if (returnType != void.class) {
				throw new IllegalArgumentException("Method " + method.getName() + " of a broadcast client must return "
						+ "void (fire-and-forget to every provider); use MeshOperations.requestAll for replies");
			}
			this.template.send(this.target, endpoint, payload).block(this.timeout);
			return null;
		}
		if (Flux.class.isAssignableFrom(returnType)) {
			return this.template.stream(this.target, endpoint, payload, typeArgument(method));
		}
		if (Mono.class.isAssignableFrom(returnType)) {
			return this.template.request(this.target, endpoint, payload, typeArgument(method));
		}
		if (CompletionStage.class.isAssignableFrom(returnType)) {
			return this.template.request(this.target, endpoint, payload, typeArgument(method)).toFuture();
		}
		Type generic = (returnType == void.class) ? Void.class : method.getGenericReturnType();
		JavaType type = this.template.javaType(generic);
		Object result = this.template.request(this.target, endpoint, payload, type).block(this.timeout.plusSeconds(1));
		if (result == null && returnType.isPrimitive() && returnType != void.class) {
			throw new MeshException("Endpoint " + this.target.service() + "." + endpoint + " returned nothing, but "
					+ this.api.getSimpleName() + "." + endpoint + " returns " + returnType);
		}
		return result;
	}

	private JavaType typeArgument(Method method) {
		ResolvableType type = ResolvableType.forMethodReturnType(method).getGeneric(0);
		return this.template.javaType(type.getType());
	}

}
