/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.invoke;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import io.litemesh.MeshContext;
import io.litemesh.MeshService;
import io.litemesh.codec.JsonCodec;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ServiceRegistry}.
 *
 * @author LiteMesh team
 */
class ServiceRegistryTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final MeshContext CONTEXT = new DefaultMeshContext("node-a", "svc", "e", 0, "m-1");

	private final ServiceRegistry registry = new ServiceRegistry(new JsonCodec());

	@Test
	void registerKeepsNameVersionTagsAndBean() {
		Greeter greeter = new Greeter();
		LocalService service = this.registry.register("greeter", "1.2", Map.of("zone", "b", "region", "eu"), greeter);
		assertThat(service.name()).isEqualTo("greeter");
		assertThat(service.version()).isEqualTo("1.2");
		assertThat(service.tags()).containsExactly(Map.entry("region", "eu"), Map.entry("zone", "b"));
		assertThat(service.bean()).isSameAs(greeter);
		assertThat(service.endpointNames()).containsExactly("greet", "shout");
		assertThat(service.endpoint("greet")).isNotNull();
		assertThat(service.endpoint("missing")).isNull();
		assertThat(this.registry.find("greeter")).isSameAs(service);
		assertThat(this.registry.find("other")).isNull();
	}

	@Test
	void registerWhenNameTakenThrowsNamingBothClasses() {
		this.registry.register("greeter", "", Map.of(), new Greeter());
		assertThatIllegalStateException().isThrownBy(() -> this.registry.register("greeter", "", Map.of(), new Named()))
			.withMessage("Node offers service 'greeter' twice: beans of class " + Greeter.class.getName() + " and "
					+ Named.class.getName() + "; give one of them another @MeshService name");
	}

	@Test
	void registerWhenOverloadedThrowsNamingClassAndMethod() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.registry.register("svc", "", Map.of(), new Overloaded()))
			.withMessageContaining(Overloaded.class.getName())
			.withMessageContaining("'handle'");
		assertThat(this.registry.find("svc")).isNull();
	}

	@Test
	void registerWhenTwoPayloadParametersThrowsNamingClassAndMethod() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.registry.register("svc", "", Map.of(), new TwoPayloads()))
			.withMessageContaining(TwoPayloads.class.getName() + ".add")
			.withMessageContaining("more than one payload parameter");
	}

	@Test
	void registerWhenTwoContextParametersThrowsNamingClassAndMethod() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.registry.register("svc", "", Map.of(), new TwoContexts()))
			.withMessageContaining(TwoContexts.class.getName() + ".twice")
			.withMessageContaining("more than one MeshContext parameter");
	}

	@Test
	void registerExcludesObjectSpringAndJdkMethods() {
		LocalService service = this.registry.register("svc", "", Map.of(), new Callbacks());
		assertThat(service.endpointNames()).containsExactly("work");
	}

	@Test
	void registerExcludesGenericJdkInterfaceMethods() {
		LocalService service = this.registry.register("svc", "", Map.of(), new GenericCallbacks());
		assertThat(service.endpointNames()).containsExactly("process");
	}

	@Test
	void registerIncludesInheritedAndDefaultMethodsOnce() {
		LocalService service = this.registry.register("svc", "", Map.of(), new Child());
		assertThat(service.endpointNames()).containsExactly("childOnly", "fromDefault", "fromParent", "overridden");
		StepVerifier.create(service.endpoint("overridden").invoke(new byte[0], CONTEXT).map(ServiceRegistryTests::text))
			.expectNext("\"child\"")
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier
			.create(service.endpoint("fromDefault").invoke(new byte[0], CONTEXT).map(ServiceRegistryTests::text))
			.expectNext("\"default\"")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void registerResolvesTypeVariablesOfGenericSuperclass() {
		LocalService service = this.registry.register("svc", "", Map.of(), new ItemHandler());
		assertThat(service.endpointNames()).containsExactly("first", "last", "one");
		byte[] payload = "[{\"name\":\"a\"},{\"name\":\"b\"}]".getBytes(StandardCharsets.UTF_8);
		StepVerifier.create(service.endpoint("first").invoke(payload, CONTEXT).map(ServiceRegistryTests::text))
			.expectNext("\"a\"")
			.expectComplete()
			.verify(TIMEOUT);
		StepVerifier.create(service.endpoint("last").invoke(payload, CONTEXT).map(ServiceRegistryTests::text))
			.expectNext("\"Item[name=b]\"")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void registerAnnotatedUsesValue() {
		LocalService service = this.registry.registerAnnotated("greeterBean", new Greeter());
		assertThat(service.name()).isEqualTo("greeter");
		assertThat(service.version()).isEmpty();
		assertThat(service.tags()).isEmpty();
	}

	@Test
	void registerAnnotatedUsesNameVersionAndTags() {
		LocalService service = this.registry.registerAnnotated("namedBean", new Named());
		assertThat(service.name()).isEqualTo("orders");
		assertThat(service.version()).isEqualTo("2.0");
		assertThat(service.tags()).containsExactly(Map.entry("empty", ""), Map.entry("region", "eu"),
				Map.entry("tier", "gold"));
	}

	@Test
	void registerAnnotatedWithoutNameUsesBeanName() {
		assertThat(this.registry.registerAnnotated("unnamedBean", new Unnamed()).name()).isEqualTo("unnamedBean");
	}

	@Test
	void registerAnnotatedWhenTagMalformedThrowsNamingClassAndTag() {
		assertThatIllegalStateException().isThrownBy(() -> this.registry.registerAnnotated("b", new BadTag()))
			.withMessageContaining(BadTag.class.getName())
			.withMessageContaining("'region'");
		assertThatIllegalStateException().isThrownBy(() -> this.registry.registerAnnotated("b", new EmptyKeyTag()))
			.withMessageContaining(EmptyKeyTag.class.getName())
			.withMessageContaining("'=eu'");
	}

	@Test
	void registerAnnotatedWhenTagKeyRepeatedThrows() {
		assertThatIllegalStateException().isThrownBy(() -> this.registry.registerAnnotated("b", new RepeatedTag()))
			.withMessageContaining(RepeatedTag.class.getName())
			.withMessageContaining("'region=us'");
	}

	@Test
	void registerAnnotatedWhenNotAnnotatedThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.registry.registerAnnotated("plain", new Child()))
			.withMessage("Bean 'plain' of class " + Child.class.getName() + " is not annotated with @MeshService");
	}

	@Test
	void registerAnnotatedWhenCglibProxyDiscoversUserClassAndInvokesProxy() {
		AtomicInteger advised = new AtomicInteger();
		ProxyFactory factory = new ProxyFactory(new Greeter());
		factory.setProxyTargetClass(true);
		factory.addAdvice((MethodInterceptor) (invocation) -> {
			advised.incrementAndGet();
			return invocation.proceed();
		});
		Object proxy = factory.getProxy();
		LocalService service = this.registry.registerAnnotated("greeterBean", proxy);
		assertThat(service.name()).isEqualTo("greeter");
		assertThat(service.endpointNames()).containsExactly("greet", "shout");
		StepVerifier.create(service.endpoint("greet").invoke("\"Ann\"".getBytes(StandardCharsets.UTF_8), CONTEXT))
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(advised).hasValue(1);
	}

	@Test
	void registerWhenJdkProxyInvokesThroughInterface() {
		ProxyFactory factory = new ProxyFactory(new Greeter());
		factory.setInterfaces(Greeting.class);
		Object proxy = factory.getProxy();
		assertThat(proxy).isNotInstanceOf(Greeter.class);
		LocalService service = this.registry.register("greeter", "", Map.of(), proxy);
		assertThat(service.endpointNames()).containsExactly("greet", "shout");
		StepVerifier
			.create(service.endpoint("shout")
				.invoke("\"ann\"".getBytes(StandardCharsets.UTF_8), CONTEXT)
				.map(ServiceRegistryTests::text))
			.expectNext("\"ANN\"")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void servicesIsSortedImmutableSnapshot() {
		this.registry.register("b", "", Map.of(), new Child());
		this.registry.register("a", "", Map.of(), new Child());
		List<LocalService> services = this.registry.services();
		assertThat(services).extracting(LocalService::name).containsExactly("a", "b");
		this.registry.register("c", "", Map.of(), new Child());
		assertThat(services).hasSize(2);
		assertThat(this.registry.services()).hasSize(3);
		assertThat(services).isUnmodifiable();
	}

	@Test
	void registerFromManyThreadsKeepsEveryService() {
		CompletableFuture<?>[] registrations = IntStream.range(0, 32)
			.mapToObj(
					(i) -> CompletableFuture.runAsync(() -> this.registry.register("s" + i, "", Map.of(), new Child())))
			.toArray(CompletableFuture[]::new);
		CompletableFuture.allOf(registrations).join();
		assertThat(this.registry.services()).hasSize(32);
	}

	@Test
	void registerWhenNameEmptyThrows() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.registry.register("", "", Map.of(), new Child()))
			.withMessage("'name' must not be empty");
	}

	private static String text(byte[] json) {
		return new String(json, StandardCharsets.UTF_8);
	}

	interface Greeting {

		String greet(String name);

		String shout(String name);

	}

	@MeshService("greeter")
	static class Greeter implements Greeting {

		@Override
		public String greet(String name) {
			return "Hello " + name;
		}

		@Override
		public String shout(String name) {
			return name.toUpperCase();
		}

	}

	@MeshService(name = "orders", version = "2.0", tags = { "region=eu", " tier = gold ", "empty=" })
	static class Named {

		public String place(String order) {
			return order;
		}

	}

	@MeshService
	static class Unnamed {

		public void ping() {
		}

	}

	@MeshService(tags = "region")
	static class BadTag {

	}

	@MeshService(tags = "=eu")
	static class EmptyKeyTag {

	}

	@MeshService(tags = { "region=eu", "region=us" })
	static class RepeatedTag {

	}

	static class Overloaded {

		public String handle(String value) {
			return value;
		}

		public String handle(int value) {
			return String.valueOf(value);
		}

	}

	static class TwoPayloads {

		public int add(int left, MeshContext context, int right) {
			return left + right;
		}

	}

	static class TwoContexts {

		public void twice(MeshContext first, MeshContext second) {
		}

	}

	static class Callbacks implements InitializingBean, DisposableBean, AutoCloseable, Runnable {

		public String work() {
			return "done";
		}

		public static String helper() {
			return "static";
		}

		String packagePrivate() {
			return "hidden";
		}

		@Override
		public void afterPropertiesSet() {
		}

		@Override
		public void destroy() {
		}

		@Override
		public void close() {
		}

		@Override
		public void run() {
		}

		@Override
		public String toString() {
			return "callbacks";
		}

		@Override
		public boolean equals(Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return 1;
		}

	}

	static class GenericCallbacks implements Consumer<String>, Comparable<GenericCallbacks> {

		public String process(String value) {
			return value;
		}

		@Override
		public void accept(String value) {
		}

		@Override
		public int compareTo(GenericCallbacks other) {
			return 0;
		}

	}

	interface WithDefault {

		default String fromDefault() {
			return "default";
		}

	}

	static class Parent {

		public String fromParent() {
			return "parent";
		}

		public String overridden() {
			return "parent";
		}

	}

	static class Child extends Parent implements WithDefault {

		public String childOnly() {
			return "child";
		}

		@Override
		public String overridden() {
			return "child";
		}

	}

	record Item(String name) {

	}

	abstract static class Handler<T> {

		public abstract String first(List<T> values);

		public abstract String one(T value);

		public String last(List<T> values) {
			return String.valueOf(values.get(values.size() - 1));
		}

	}

	static class ItemHandler extends Handler<Item> {

		@Override
		public String first(List<Item> values) {
			return values.get(0).name();
		}

		@Override
		public String one(Item value) {
			return value.name();
		}

	}

}
