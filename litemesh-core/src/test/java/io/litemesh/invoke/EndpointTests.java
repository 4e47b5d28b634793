/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.invoke;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.litemesh.MeshContext;
import io.litemesh.NonBlocking;
import io.litemesh.codec.JsonCodec;
import io.litemesh.codec.PayloadMappingException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link Endpoint}.
 *
 * @author LiteMesh team
 */
class EndpointTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final byte[] NONE = new byte[0];

	private final JsonCodec codec = new JsonCodec();

	private final MeshContext context = new DefaultMeshContext("node-a", "shapes", "value", 1, "m-1");

	private final Shapes shapes = new Shapes();

	private final LocalService service = new ServiceRegistry(this.codec).register("shapes", "", Map.of(), this.shapes);

	@Test
	void invokeWhenValueReturnsJson() {
		StepVerifier.create(invoke("value", "Ann"))
			.assertNext((json) -> assertThat(json).isEqualTo("\"Hello Ann\""))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void invokeWhenValueRunsOnBoundedElastic() {
		StepVerifier.create(invoke("value", "Ann")).expectNextCount(1).expectComplete().verify(TIMEOUT);
		assertThat(this.shapes.thread.get()).startsWith("boundedElastic");
	}

	@Test
	void invokeWhenVoidCompletesEmpty() {
		StepVerifier.create(invoke("nothing", "x")).expectComplete().verify(TIMEOUT);
		assertThat(this.shapes.received).containsExactly("x");
		assertThat(this.shapes.thread.get()).startsWith("boundedElastic");
	}

	@Test
	void invokeWhenNullCompletesEmpty() {
		StepVerifier.create(invoke("nullValue", null)).expectComplete().verify(TIMEOUT);
	}

	@Test
	void invokeWhenMonoReturnsItsValueAndRunsOnCallerThread() {
		StepVerifier.create(invoke("mono", "Bo"))
			.assertNext((json) -> assertThat(json).isEqualTo("\"Mono Bo\""))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.shapes.thread.get()).isEqualTo(Thread.currentThread().getName());
	}

	@Test
	void invokeWhenEmptyMonoCompletesEmpty() {
		StepVerifier.create(invoke("emptyMono", null)).expectComplete().verify(TIMEOUT);
	}

	@Test
	void invokeWhenCompletionStageReturnsItsValue() {
		StepVerifier.create(invoke("future", "Cy"))
			.assertNext((json) -> assertThat(json).isEqualTo("\"Future Cy\""))
			.expectComplete()
			.verify(TIMEOUT);
		assertThat(this.shapes.thread.get()).startsWith("boundedElastic");
	}

	@Test
	void invokeWhenGenericPayloadDecodesElements() {
		StepVerifier.create(invoke("total", List.of(new Item("a", 2), new Item("b", 3))))
			.assertNext((json) -> assertThat(json).isEqualTo("5"))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void invokeWhenPayloadEmptyPassesNull() {
		StepVerifier.create(endpoint("orNone").invoke(NONE, this.context).map(EndpointTests::text))
			.assertNext((json) -> assertThat(json).isEqualTo("\"none\""))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void invokeWhenPayloadJsonNullPassesNull() {
		StepVerifier.create(endpoint("orNone").invoke(bytes("null"), this.context).map(EndpointTests::text))
			.assertNext((json) -> assertThat(json).isEqualTo("\"none\""))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void invokeWhenContextFirstInjectsContext() {
		StepVerifier.create(invoke("contextFirst", "p"))
			.assertNext((json) -> assertThat(json).isEqualTo("\"node-a/1/p\""))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void invokeWhenContextLastInjectsContext() {
		StepVerifier.create(invoke("contextLast", "p"))
			.assertNext((json) -> assertThat(json).isEqualTo("\"m-1/p\""))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void invokeWhenOnlyContextInjectsContext() {
		StepVerifier.create(invoke("contextOnly", null))
			.assertNext((json) -> assertThat(json).isEqualTo("\"shapes.value\""))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void invokeWhenMalformedJsonFailsWithPayloadMappingException() {
		StepVerifier.create(endpoint("value").invoke(bytes("secret-token"), this.context))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(PayloadMappingException.class)
				.hasMessageContaining("shapes.value")
				.hasMessageContaining("java.lang.String")
				.hasMessageContaining("malformed JSON")
				.hasMessageNotContaining("secret"))
			.verify(TIMEOUT);
	}

	@Test
	void invokeWhenValueOfWrongFormatFailsWithoutQuotingIt() {
		byte[] payload = bytes("[{\"name\":\"a\",\"quantity\":\"secret\"}]");
		StepVerifier.create(endpoint("total").invoke(payload, this.context))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(PayloadMappingException.class)
				.hasMessageContaining("shapes.total")
				.hasMessageContaining("java.util.List<" + Item.class.getName() + ">")
				.hasMessageContaining("$[0].quantity")
				.hasMessageNotContaining("secret"))
			.verify(TIMEOUT);
	}

	@Test
	void invokeWhenJsonOfWrongShapeFailsWithPayloadMappingException() {
		StepVerifier.create(endpoint("total").invoke(bytes("{\"name\":\"a\"}"), this.context))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(PayloadMappingException.class)
				.hasMessageContaining("cannot map JSON object"))
			.verify(TIMEOUT);
	}

	@Test
	void invokeWhenPrimitivePayloadMissingFailsWithPayloadMappingException() {
		StepVerifier.create(endpoint("square").invoke(NONE, this.context))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(PayloadMappingException.class)
				.hasMessageContaining("shapes.square")
				.hasMessageContaining("a value is required"))
			.verify(TIMEOUT);
	}

	@Test
	void invokeWhenMethodThrowsFailsWithOriginalException() {
		assertThatNoException().isThrownBy(() -> endpoint("fail").invoke(NONE, this.context));
		StepVerifier.create(endpoint("fail").invoke(NONE, this.context))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(IOException.class).hasMessage("boom"))
			.verify(TIMEOUT);
	}

	@Test
	void invokeWhenMonoMethodThrowsFailsWithOriginalException() {
		StepVerifier.create(endpoint("monoThrows").invoke(NONE, this.context))
			.expectErrorSatisfies(
					(ex) -> assertThat(ex).isExactlyInstanceOf(IllegalStateException.class).hasMessage("thrown"))
			.verify(TIMEOUT);
	}

	@Test
	void invokeWhenMonoFailsFailsWithOriginalException() {
		StepVerifier.create(endpoint("monoError").invoke(NONE, this.context))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(IOException.class).hasMessage("signalled"))
			.verify(TIMEOUT);
	}

	@Test
	void invokeWhenCompletionStageFailsFailsWithUnwrappedException() {
		StepVerifier.create(endpoint("futureError").invoke(NONE, this.context))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(IOException.class).hasMessage("completed"))
			.verify(TIMEOUT);
	}

	@Test
	void invokeWhenStreamFailsWithHint() {
		Endpoint numbers = endpoint("numbers");
		assertThat(numbers.isStream()).isTrue();
		StepVerifier.create(numbers.invoke(bytes("3"), this.context))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(IllegalStateException.class)
				.hasMessage("Endpoint shapes.numbers is a stream; call it with stream()"))
			.verify(TIMEOUT);
	}

	@Test
	void isStreamWhenPublisherOrFlux() {
		assertThat(endpoint("numbers").isStream()).isTrue();
		assertThat(endpoint("publisher").isStream()).isTrue();
		assertThat(endpoint("mono").isStream()).isFalse();
		assertThat(endpoint("value").isStream()).isFalse();
		assertThat(endpoint("future").isStream()).isFalse();
	}

	@Test
	void invokeStreamEncodesEachElement() {
		StepVerifier.create(endpoint("numbers").invokeStream(bytes("3"), this.context).map(EndpointTests::text))
			.expectNext("1", "2", "3")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void invokeStreamWhenPublisherEncodesEachElement() {
		StepVerifier.create(endpoint("publisher").invokeStream(NONE, this.context).map(EndpointTests::text))
			.expectNext("\"a\"", "\"b\"")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void invokeStreamPreservesBackPressure() {
		StepVerifier.create(endpoint("numbers").invokeStream(bytes("1000"), this.context), 1)
			.expectNextCount(1)
			.expectNoEvent(Duration.ofMillis(50))
			.then(() -> {
				assertThat(this.shapes.requested.get()).isEqualTo(1);
				assertThat(this.shapes.emitted.get()).isEqualTo(1);
			})
			.thenRequest(2)
			.expectNextCount(2)
			.thenCancel()
			.verify(TIMEOUT);
		assertThat(this.shapes.requested.get()).isEqualTo(3);
		assertThat(this.shapes.emitted.get()).isEqualTo(3);
	}

	@Test
	void invokeStreamWhenRequestResponseEmitsOneElement() {
		StepVerifier.create(endpoint("value").invokeStream(bytes("\"Di\""), this.context).map(EndpointTests::text))
			.expectNext("\"Hello Di\"")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void invokeStreamWhenMethodThrowsFailsWithOriginalException() {
		assertThatNoException().isThrownBy(() -> endpoint("fluxThrows").invokeStream(NONE, this.context));
		StepVerifier.create(endpoint("fluxThrows").invokeStream(NONE, this.context))
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(UnsupportedOperationException.class))
			.verify(TIMEOUT);
	}

	@Test
	void invokeStreamWhenFluxFailsAfterElementsFailsWithOriginalException() {
		StepVerifier.create(endpoint("fluxError").invokeStream(NONE, this.context).map(EndpointTests::text))
			.expectNext("\"first\"")
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(IOException.class).hasMessage("later"))
			.verify(TIMEOUT);
	}

	@Test
	void invokeWhenBeanClassIsPrivateInvokesPublicMethod() {
		LocalService hidden = new ServiceRegistry(this.codec).register("hidden", "", Map.of(), new Hidden());
		StepVerifier.create(hidden.endpoint("secret").invoke(NONE, this.context).map(EndpointTests::text))
			.expectNext("42")
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void invokeWhenMethodIsNonBlockingRunsOnCallerThread() {
		StepVerifier.create(invoke("computed", "Cy")).expectNext("\"Computed Cy\"").expectComplete().verify(TIMEOUT);
		assertThat(this.shapes.thread.get()).isEqualTo(Thread.currentThread().getName());
	}

	@Test
	void invokeWhenClassIsNonBlockingRunsEveryEndpointOnCallerThread() {
		Quick quick = new Quick();
		LocalService service = new ServiceRegistry(this.codec).register("quick", "", Map.of(), quick);
		StepVerifier.create(service.endpoint("touch").invoke(NONE, this.context)).expectComplete().verify(TIMEOUT);
		assertThat(quick.thread.get()).isEqualTo(Thread.currentThread().getName());
	}

	@Test
	void nameAndToString() {
		assertThat(endpoint("value").name()).isEqualTo("value");
		assertThat(endpoint("value")).hasToString("shapes.value");
	}

	private Mono<String> invoke(String endpoint, @Nullable Object payload) {
		return endpoint(endpoint).invoke(this.codec.encode(payload), this.context).map(EndpointTests::text);
	}

	private Endpoint endpoint(String name) {
		Endpoint endpoint = this.service.endpoint(name);
		assertThat(endpoint).as("endpoint %s", name).isNotNull();
		return endpoint;
	}

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] json) {
		return new String(json, StandardCharsets.UTF_8);
	}

	record Item(String name, int quantity) {

	}

	static class Shapes {

		final AtomicReference<String> thread = new AtomicReference<>();

		final List<String> received = new CopyOnWriteArrayList<>();

		final AtomicLong requested = new AtomicLong();

		final AtomicInteger emitted = new AtomicInteger();

		public String value(String name) {
			recordThread();
			return "Hello " + name;
		}

		public void nothing(String value) {
			recordThread();
			this.received.add(value);
		}

		public @Nullable String nullValue() {
			return null;
		}

		public Mono<String> mono(String name) {
			recordThread();
			return Mono.just("Mono " + name);
		}

		public Mono<Void> emptyMono() {
			return Mono.empty();
		}

		public CompletionStage<String> future(String name) {
			recordThread();
			return CompletableFuture.supplyAsync(() -> "Future " + name);
		}

		public int total(List<Item> items) {
			return items.stream().mapToInt(Item::quantity).sum();
		}

		public String orNone(@Nullable String value) {
			return (value != null) ? value : "none";
		}

		public int square(int value) {
			return value * value;
		}

		public String contextFirst(MeshContext context, String payload) {
			return context.callerNodeId() + "/" + context.hops() + "/" + payload;
		}

		public String contextLast(String payload, MeshContext context) {
			return context.messageId() + "/" + payload;
		}

		public String contextOnly(MeshContext context) {
			return context.service() + "." + context.endpoint();
		}

		public String fail() throws IOException {
			throw new IOException("boom");
		}

		public Mono<String> monoThrows() {
			throw new IllegalStateException("thrown");
		}

		public Mono<String> monoError() {
			return Mono.error(new IOException("signalled"));
		}

		public CompletionStage<String> futureError() {
			CompletableFuture<String> future = new CompletableFuture<>();
			future.completeExceptionally(new CompletionException(new IOException("completed")));
			return future;
		}

		public Flux<Integer> numbers(int count) {
			return Flux.range(1, count)
				.doOnRequest(this.requested::addAndGet)
				.doOnNext((number) -> this.emitted.incrementAndGet());
		}

		public Publisher<String> publisher() {
			return Flux.just("a", "b");
		}

		public Flux<String> fluxThrows() {
			throw new UnsupportedOperationException();
		}

		@NonBlocking
		public String computed(String name) {
			recordThread();
			return "Computed " + name;
		}

		public Flux<String> fluxError() {
			return Flux.concat(Flux.just("first"), Flux.error(new IOException("later")));
		}

		private void recordThread() {
			this.thread.set(Thread.currentThread().getName());
		}

	}

	@NonBlocking
	static class Quick {

		final AtomicReference<String> thread = new AtomicReference<>();

		public void touch() {
			this.thread.set(Thread.currentThread().getName());
		}

	}

	private static final class Hidden {

		public int secret() {
			return 42;
		}

	}

}
