/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import io.litemesh.MeshNode;
import io.litemesh.MeshService;
import io.litemesh.MeshTemplate;
import io.litemesh.Target;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Observations and traces across a relay: a caller and a provider that are both
 * outbound-only, so every call between them crosses the relay in the middle, each an
 * application with Spring Boot's Micrometer Tracing over Brave and W3C propagation.
 *
 * @author LiteMesh team
 */
class MeshObservationIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static ConfigurableApplicationContext relay;

	private static ConfigurableApplicationContext caller;

	private static ConfigurableApplicationContext provider;

	@BeforeAll
	static void startNodes() {
		relay = node(RelayConfiguration.class, "relay", "litemesh.tcp.port=0");
		String seed = MeshNode.class.cast(relay.getBean(MeshNode.class)).addresses().get(0).replace("tcp://", "");
		provider = node(ProviderConfiguration.class, "provider", "litemesh.tcp.port=-1", "litemesh.seeds=" + seed);
		caller = node(CallerConfiguration.class, "caller", "litemesh.tcp.port=-1", "litemesh.seeds=" + seed);
		MeshNode node = caller.getBean(MeshNode.class);
		await().atMost(TIMEOUT).untilAsserted(() -> assertThat(node.snapshot().nodes()).anySatisfy((view) -> {
			assertThat(view.id()).isEqualTo("provider");
			assertThat(view.hops()).isEqualTo(2);
		}));
	}

	private static ConfigurableApplicationContext node(Class<?> configuration, String id, String... properties) {
		return new SpringApplicationBuilder(configuration).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "management.endpoints.web.exposure.include=metrics",
					"management.tracing.sampling.probability=1.0", "litemesh.node-id=" + id, "litemesh.cluster=traced",
					"litemesh.tcp.bind-address=127.0.0.1", "litemesh.tcp.advertised-address=127.0.0.1",
					"spring.main.banner-mode=off")
			.properties(properties)
			.run();
	}

	@AfterAll
	static void stopNodes() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { caller, provider,
				relay }) {
			if (context != null) {
				context.close();
			}
		}
	}

	@Test
	void endpointRunsInTheCallersTraceTwoHopsAway() {
		MeshTemplate template = caller.getBean(MeshTemplate.class);
		String seen = template.request(Target.anycast("traced"), "trace", null, String.class).block(TIMEOUT);
		Queue<MutableSpan> callerSpans = caller.getBean(Spans.class).finished;
		Queue<MutableSpan> providerSpans = provider.getBean(Spans.class).finished;
		await().atMost(TIMEOUT).untilAsserted(() -> {
			assertThat(callerSpans).anyMatch((span) -> span.name().equals("call traced.trace"));
			assertThat(providerSpans).anyMatch((span) -> span.name().equals("serve traced.trace"));
		});
		MutableSpan client = callerSpans.stream()
			.filter((span) -> span.name().equals("call traced.trace"))
			.findFirst()
			.orElseThrow();
		MutableSpan server = providerSpans.stream()
			.filter((span) -> span.name().equals("serve traced.trace"))
			.findFirst()
			.orElseThrow();
		assertThat(seen).isEqualTo(client.traceId());
		assertThat(server.traceId()).isEqualTo(client.traceId());
		assertThat(server.parentId()).isEqualTo(client.id());
		// a relay adds no server span of its own
		assertThat(relay.getBean(Spans.class).finished).noneMatch((span) -> span.name().startsWith("serve "));
	}

	@Test
	void timersShowTheCalledServiceOnBothSides() {
		MeshTemplate template = caller.getBean(MeshTemplate.class);
		template.request(Target.anycast("traced"), "trace", null, String.class).block(TIMEOUT);
		await().atMost(TIMEOUT).untilAsserted(() -> {
			metric(caller, "litemesh.client.requests").jsonPath("$.availableTags[?(@.tag == 'service')].values[*]")
				.value((List<String> values) -> assertThat(values).contains("traced"));
			metric(provider, "litemesh.server.requests").jsonPath("$.availableTags[?(@.tag == 'service')].values[*]")
				.value((List<String> values) -> assertThat(values).contains("traced"));
		});
		metric(caller, "litemesh.client.requests").jsonPath("$.availableTags[?(@.tag == 'interaction')].values[*]")
			.value((List<String> values) -> assertThat(values).contains("request"));
		metric(provider, "litemesh.server.requests").jsonPath("$.availableTags[?(@.tag == 'outcome')].values[*]")
			.value((List<String> values) -> assertThat(values).contains("SUCCESS"));
	}

	private static WebTestClient.BodyContentSpec metric(ConfigurableApplicationContext context, String name) {
		String port = context.getEnvironment().getProperty("local.server.port");
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(TIMEOUT)
			.build()
			.get()
			.uri("/actuator/metrics/" + name)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	/**
	 * The spans a node finished, as Brave hands them over.
	 */
	static class Spans extends SpanHandler {

		final Queue<MutableSpan> finished = new ConcurrentLinkedQueue<>();

		@Override
		public boolean end(TraceContext context, MutableSpan span, Cause cause) {
			if (cause == Cause.FINISHED) {
				this.finished.add(span);
			}
			return true;
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class RelayConfiguration {

		@Bean
		Spans spans() {
			return new Spans();
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class CallerConfiguration extends RelayConfiguration {

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ProviderConfiguration extends RelayConfiguration {

		@Bean
		TracedService tracedService(Tracer tracer) {
			return new TracedService(tracer);
		}

	}

	/**
	 * Answers the trace id the endpoint runs in.
	 */
	@MeshService(name = "traced")
	static class TracedService {

		private final Tracer tracer;

		TracedService(Tracer tracer) {
			this.tracer = tracer;
		}

		public String trace() {
			Span span = this.tracer.currentSpan();
			return (span != null) ? span.context().traceId() : "none";
		}

	}

}
