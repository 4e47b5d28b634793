/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate;

import java.time.Duration;
import java.util.Map;

import io.litemesh.MeshNode;
import io.litemesh.MeshTemplate;
import io.litemesh.RemoteServiceException;
import io.litemesh.Target;
import io.litemesh.actuate.autoconfigure.MeshMetricsAutoConfiguration;
import io.litemesh.autoconfigure.LiteMeshAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link MeshMetrics} on real nodes, and its auto-configuration.
 *
 * @author LiteMesh team
 */
class MeshMetricsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LiteMeshAutoConfiguration.class, MeshMetricsAutoConfiguration.class))
		.withPropertyValues("litemesh.tcp.port=0");

	@Test
	void metersFollowTheNodeAndItsTraffic() {
		String cluster = "metrics-" + MeshNode.Builder.randomSuffix();
		MeshNode a = MeshNode.builder().nodeId("a").cluster(cluster).tcpPort(0).build().start();
		MeshNode b = MeshNode.builder().nodeId("b").cluster(cluster).tcpPort(0).seeds(a.addresses()).build();
		b.registerService("echo", "", Map.of(), new Echo());
		b.start();
		try {
			MeterRegistry registry = new SimpleMeterRegistry();
			new MeshMetrics(a).bindTo(registry);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> registry.get("litemesh.peers").tag("state", "reachable").gauge().value() == 1);
			double sentBefore = registry.get("litemesh.messages.sent").functionCounter().count();
			MeshTemplate template = new MeshTemplate(a);
			for (int i = 0; i < 5; i++) {
				template.request(Target.anycast("echo"), "echo", "x", String.class).block(Duration.ofSeconds(5));
			}
			assertThat(registry.get("litemesh.messages.sent").functionCounter().count())
				.isGreaterThanOrEqualTo(sentBefore + 5);
			assertThat(registry.get("litemesh.links").gauge().value()).isEqualTo(1);
			assertThat(registry.get("litemesh.peers").tag("state", "known").gauge().value()).isEqualTo(1);
			assertThat(registry.get("litemesh.messages.dropped").functionCounters()).hasSize(5);
			assertThat(registry.getMeters())
				.allSatisfy((meter) -> assertThat(meter.getId().getDescription()).isNotBlank());
		}
		finally {
			b.stop();
			a.stop();
		}
	}

	@Test
	void peerMetersComeAndGoWithThePeer() {
		String cluster = "peer-metrics-" + MeshNode.Builder.randomSuffix();
		Duration keepAlive = Duration.ofMillis(200);
		MeshNode a = MeshNode.builder()
			.nodeId("a")
			.cluster(cluster)
			.tcpPort(0)
			.keepAlive(keepAlive, Duration.ofSeconds(5))
			.build()
			.start();
		MeshNode b = MeshNode.builder().nodeId("b").cluster(cluster).tcpPort(0).seeds(a.addresses()).build();
		b.registerService("echo", "", Map.of(), new Echo());
		b.start();
		MeterRegistry registry = new SimpleMeterRegistry();
		try (MeshMetrics metrics = new MeshMetrics(a, Duration.ofMillis(100))) {
			metrics.bindTo(registry);
			await().atMost(Duration.ofSeconds(10))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(
						registry.get("litemesh.link.round-trip").tags("peer", "b", "transport", "tcp").gauge().value())
					.isPositive());
			// a link can be up before a knows what b offers
			await().atMost(Duration.ofSeconds(10)).until(() -> a.snapshot().services().containsKey("echo"));
			MeshTemplate template = new MeshTemplate(a);
			assertThatExceptionOfType(RemoteServiceException.class)
				.isThrownBy(() -> template.request(Target.anycast("echo"), "fail", "x", String.class)
					.block(Duration.ofSeconds(5)));
			await().atMost(Duration.ofSeconds(10))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(registry.get("litemesh.peer.errors")
					.tags("peer", "b", "code", "REMOTE")
					.functionCounter()
					.count()).isEqualTo(1));
			assertThat(registry.get("litemesh.peer.requests.active").tag("peer", "b").gauge().value()).isZero();
			b.stop();
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(registry.find("litemesh.link.round-trip").tag("peer", "b").gauges())
					.isEmpty());
		}
		finally {
			b.stop();
			a.stop();
		}
	}

	@Test
	void binderIsAutoConfiguredWithMicrometer() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(MeshMetrics.class));
	}

	@Test
	void binderBacksOffWithoutMicrometer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MeshMetrics.class));
	}

	@Test
	void binderBacksOffWhenLiteMeshIsDisabled() {
		this.contextRunner.withPropertyValues("litemesh.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MeshMetrics.class));
	}

	/**
	 * A service to call.
	 */
	public static class Echo {

		/**
		 * Echo.
		 * @param text the text
		 * @return the text
		 */
		public String echo(String text) {
			return text;
		}

		/**
		 * Fail.
		 * @param text the text
		 * @return never
		 */
		public String fail(String text) {
			throw new IllegalStateException("failing as asked: " + text);
		}

	}

}
