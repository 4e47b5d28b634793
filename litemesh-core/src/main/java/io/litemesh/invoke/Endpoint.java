/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.invoke;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.litemesh.MeshContext;
import io.litemesh.NonBlocking;
import io.litemesh.codec.JsonCodec;
import io.litemesh.codec.PayloadMappingException;
import io.litemesh.observation.MeshObservations;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.GenericTypeResolver;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;

/**
 * One endpoint of a {@link LocalService}: a public method of the service bean, called
 * with a JSON payload and answering with JSON.
 * <p>
 * A method may take at most one payload parameter and, in any position, one
 * {@link MeshContext} parameter. It may return a value, {@code void}, a {@code Mono}, a
 * {@code CompletionStage} (all request-response) or a {@code Flux} (a stream). Methods
 * that do not return a {@code Mono} or {@code Flux} may block, so they run on
 * {@link Schedulers#boundedElastic()} rather than on the transport's event loop, unless
 * the method or its class is {@link NonBlocking}. Whatever the method throws or signals
 * reaches the subscriber as the original exception.
 *
 * @author LiteMesh team
 * @see ServiceRegistry
 */
public final class Endpoint {

	private final String qualifiedName;

	private final String name;

	private final Object bean;

	private final Method method;

	private final int parameterCount;

	private final int payloadIndex;

	private final int contextIndex;

	private final @Nullable JavaType payloadType;

	private final boolean payloadRequired;

	private final boolean stream;

	private final boolean blocking;

	private final boolean answersAtOnce;

	private final JsonCodec codec;

	/**
	 * Create an endpoint for a method discovered on the user class of a bean.
	 * @param service the name of the service the endpoint belongs to
	 * @param userClass the user class of the bean, against which generics are resolved
	 * @param method the method, as declared on the user class or one of its supertypes
	 * @param bean the bean to invoke, possibly a proxy
	 * @param codec the codec for payloads and results
	 * @throws IllegalStateException if the method's parameters are not endpoint
	 * parameters
	 */
	Endpoint(String service, Class<?> userClass, Method method, Object bean, JsonCodec codec) {
		this.name = method.getName();
		this.qualifiedName = service + "." + this.name;
		this.bean = bean;
		this.codec = codec;
		// A JDK proxy only has the interface methods; CGLIB ones override the class's
		this.method = AopUtils.selectInvocableMethod(method, bean.getClass());
		// Public methods of non-public classes (and nested private ones) need it too
		ReflectionUtils.makeAccessible(this.method);
		this.parameterCount = method.getParameterCount();
		int payload = -1;
		int context = -1;
		Class<?>[] types = method.getParameterTypes();
		for (int i = 0; i < types.length; i++) {
			boolean isContext = types[i] == MeshContext.class;
			if (isContext ? context >= 0 : payload >= 0) {
				throw new IllegalStateException("Endpoint method " + userClass.getName() + "." + this.name
						+ " takes more than one " + (isContext ? "MeshContext" : "payload") + " parameter;"
						+ " an endpoint takes at most one payload and one MeshContext parameter, so "
						+ (isContext ? "declare the context once" : "wrap the values in a record"));
			}
			if (isContext) {
				context = i;
			}
			else {
				payload = i;
			}
		}
		this.payloadIndex = payload;
		this.contextIndex = context;
		if (payload >= 0) {
			// Resolve type variables of generic supertypes, e.g. Base<T>.handle(List<T>)
			Type type = GenericTypeResolver.resolveType(method.getGenericParameterTypes()[payload], userClass);
			this.payloadType = codec.javaType(type);
			this.payloadRequired = types[payload].isPrimitive();
		}
		else {
			this.payloadType = null;
			this.payloadRequired = false;
		}
		Class<?> returnType = GenericTypeResolver.resolveReturnType(method, userClass);
		boolean reactive = Publisher.class.isAssignableFrom(returnType);
		this.stream = reactive && !Mono.class.isAssignableFrom(returnType);
		this.blocking = !reactive && !declaredNonBlocking(method, userClass);
		this.answersAtOnce = !this.blocking && isPlainValue(returnType);
	}

	/**
	 * Return whether a method of this return type answers with the value itself, never
	 * with a {@code Mono}, another {@code Publisher} or a {@code CompletionStage}.
	 */
	private static boolean isPlainValue(Class<?> returnType) {
		return !Publisher.class.isAssignableFrom(returnType) && !CompletionStage.class.isAssignableFrom(returnType)
				&& !returnType.isAssignableFrom(Mono.class) && !returnType.isAssignableFrom(CompletableFuture.class);
	}

	private static boolean declaredNonBlocking(Method method, Class<?> userClass) {
		// both searches cover the type hierarchy (overridden methods, superclasses,
		// interfaces), so the class that declares the method is among them
		return AnnotatedElementUtils.hasAnnotation(method, NonBlocking.class)
				|| AnnotatedElementUtils.hasAnnotation(userClass, NonBlocking.class);
	}

	/**
	 * Return the name of this endpoint, the name of its method.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return whether this endpoint is a stream, that is whether its method returns a
	 * {@code Flux} or another {@code Publisher} that is not a {@code Mono}.
	 * @return whether to call it with {@link #invokeStream}
	 */
	public boolean isStream() {
		return this.stream;
	}

	/**
	 * Call this request-response (or fire-and-forget) endpoint. Nothing happens until the
	 * returned {@code Mono} is subscribed, and nothing is thrown: a payload that does not
	 * map fails it with {@link PayloadMappingException}, an exception of the method fails
	 * it with that exception.
	 * @param payload the JSON payload, empty for none
	 * @param context the context of the call
	 * @return the JSON result, empty for {@code void}, {@code null} or an empty
	 * {@code Mono}
	 */
	public Mono<byte[]> invoke(byte[] payload, MeshContext context) {
		Assert.notNull(payload, "'payload' must not be null");
		Assert.notNull(context, "'context' must not be null");
		if (this.stream) {
			return Mono.error(new IllegalStateException(
					"Endpoint " + this.qualifiedName + " is a stream; call it with stream()"));
		}
		Mono<Object> result;
		if (this.blocking) {
			result = Mono
				.deferContextual((reactor) -> Mono.fromCallable(() -> call(payload, context, reactor))
					.subscribeOn(Schedulers.boundedElastic()))
				.flatMap(Endpoint::toMono);
		}
		else {
			result = Mono.deferContextual((reactor) -> {
				try {
					return toMono(call(payload, context, reactor));
				}
				catch (Exception ex) {
					return Mono.error(ex);
				}
			});
		}
		return result.map(this.codec::encode);
	}

	/**
	 * Return whether this endpoint answers on the calling thread with a plain value: a
	 * {@link NonBlocking} method that returns neither a {@code Mono}, a {@code Publisher}
	 * nor a {@code CompletionStage}. Such a call may go through {@link #invokeNow}.
	 * @return whether {@link #invokeNow} may be used
	 */
	public boolean answersAtOnce() {
		return this.answersAtOnce;
	}

	/**
	 * Call this endpoint on the calling thread, where {@link #answersAtOnce()}: the same
	 * call as {@link #invoke}, without a {@code Mono} around it.
	 * @param payload the JSON payload, empty for none
	 * @param context the context of the call
	 * @return the JSON reply, {@code null} when the method returned none
	 * @throws Exception what the method threw, or {@link PayloadMappingException} for a
	 * payload that does not map
	 * @throws IllegalStateException when the endpoint does not answer at once
	 */
	public byte @Nullable [] invokeNow(byte[] payload, MeshContext context) throws Exception {
		Assert.state(this.answersAtOnce, () -> "Endpoint " + this.qualifiedName + " does not answer at once");
		Object result = call(payload, context);
		return (result != null) ? this.codec.encode(result) : null;
	}

	/**
	 * Call this endpoint as a stream, each element encoded as JSON. Demand passes through
	 * to the method's {@code Flux} unchanged. A request-response endpoint yields a stream
	 * of its one result (or none). Failures arrive as error signals, as for
	 * {@link #invoke}.
	 * @param payload the JSON payload, empty for none
	 * @param context the context of the call
	 * @return the JSON elements
	 */
	public Flux<byte[]> invokeStream(byte[] payload, MeshContext context) {
		Assert.notNull(payload, "'payload' must not be null");
		Assert.notNull(context, "'context' must not be null");
		if (!this.stream) {
			return invoke(payload, context).flux();
		}
		return Flux.deferContextual((reactor) -> {
			try {
				return toFlux(call(payload, context, reactor));
			}
			catch (Exception ex) {
				return Flux.error(ex);
			}
		}).map(this.codec::encode);
	}

	/**
	 * Call the method inside the scope of the call's observation, when it is observed, so
	 * a tracer sees the method run in the server span of the caller's trace.
	 */
	private @Nullable Object call(byte[] payload, MeshContext context, ContextView reactor) throws Exception {
		Observation observation = reactor.getOrDefault(MeshObservations.OBSERVATION_KEY, null);
		if (observation == null) {
			return call(payload, context);
		}
		try (Observation.Scope scope = observation.openScope()) {
			return call(payload, context);
		}
	}

	private @Nullable Object call(byte[] payload, MeshContext context) throws Exception {
		Object[] args = new Object[this.parameterCount];
		if (this.payloadIndex >= 0) {
			args[this.payloadIndex] = decode(payload);
		}
		if (this.contextIndex >= 0) {
			args[this.contextIndex] = context;
		}
		try {
			return this.method.invoke(this.bean, args);
		}
		catch (InvocationTargetException ex) {
			// Callers must see what the method threw, not the reflection wrapper
			Throwable target = ex.getTargetException();
			if (target instanceof Exception exception) {
				throw exception;
			}
			if (target instanceof Error error) {
				throw error;
			}
			throw new UndeclaredThrowableException(target);
		}
	}

	private @Nullable Object decode(byte[] payload) {
		JavaType type = this.payloadType;
		Assert.state(type != null, "No payload parameter");
		Object value;
		try {
			value = this.codec.decode(payload, type);
		}
		catch (JacksonException ex) {
			throw new PayloadMappingException(this.qualifiedName, type.toCanonical(),
					PayloadMappingException.reason(ex), ex);
		}
		if (value == null && this.payloadRequired) {
			// Reflection would otherwise fail with a bare "argument type mismatch"
			throw new PayloadMappingException(this.qualifiedName, type.toCanonical(), "a value is required", null);
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	private static Mono<Object> toMono(@Nullable Object result) {
		if (result == null) {
			return Mono.empty();
		}
		if (result instanceof Mono<?> mono) {
			return (Mono<Object>) mono;
		}
		if (result instanceof CompletionStage<?> stage) {
			// Reactor unwraps CompletionException: the original exception gets through
			return Mono.fromCompletionStage((CompletionStage<Object>) stage);
		}
		return Mono.just(result);
	}

	@SuppressWarnings("unchecked")
	private static Flux<Object> toFlux(@Nullable Object result) {
		// Flux.from keeps a Flux as it is: requests reach the method's Flux unchanged
		return (result != null) ? Flux.from((Publisher<Object>) result) : Flux.empty();
	}

	@Override
	public String toString() {
		return this.qualifiedName;
	}

}
