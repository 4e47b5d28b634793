/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.litemesh.MeshNode;
import io.litemesh.MeshOperations;
import io.litemesh.MeshService;
import io.litemesh.MeshSettings;
import io.litemesh.MeshTemplate;
import io.litemesh.MulticastDiscovery;
import io.litemesh.view.ServiceInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.netty.http.HttpResources;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.ReactorResourceFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link LiteMeshAutoConfiguration}.
 *
 * @author LiteMesh team
 */
class LiteMeshAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LiteMeshAutoConfiguration.class))
		.withPropertyValues("litemesh.tcp.port=0");

	@Test
	void defaultBeansArePresentAndNodeRuns() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(LiteMeshProperties.class)
				.hasSingleBean(MeshNode.class)
				.hasSingleBean(MeshTemplate.class)
				.hasSingleBean(MeshNodeLifecycle.class);
			MeshNode node = context.getBean(MeshNode.class);
			assertThat(node.isRunning()).isTrue();
			assertThat(node.addresses()).singleElement().asString().startsWith("tcp://");
			assertThat(context.getBean(MeshOperations.class).nodeId()).isEqualTo(node.nodeId());
		});
	}

	@Test
	void nodeLeavesWhenContextCloses() {
		AtomicReference<MeshNode> node = new AtomicReference<>();
		this.contextRunner.run((context) -> node.set(context.getBean(MeshNode.class)));
		assertThat(node.get().isRunning()).isFalse();
	}

	@Test
	void disabledCreatesNoBeans() {
		this.contextRunner.withPropertyValues("litemesh.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MeshNode.class)
				.doesNotHaveBean(MeshOperations.class)
				.doesNotHaveBean(MeshNodeLifecycle.class)
				.doesNotHaveBean(LiteMeshProperties.class));
	}

	@Test
	void userMeshOperationsBacksOffMeshTemplate() {
		MeshOperations operations = mock(MeshOperations.class);
		this.contextRunner.withBean(MeshOperations.class, () -> operations).run((context) -> {
			assertThat(context).doesNotHaveBean(MeshTemplate.class).hasSingleBean(MeshNode.class);
			assertThat(context.getBean(MeshOperations.class)).isSameAs(operations);
		});
	}

	@Test
	void userMeshNodeBacksOff() {
		this.contextRunner.withUserConfiguration(CustomNodeConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(MeshNode.class).hasSingleBean(MeshTemplate.class);
			MeshNode node = context.getBean(MeshNode.class);
			assertThat(node.nodeId()).isEqualTo("custom");
			assertThat(node.isRunning()).isTrue();
			assertThat(context.getBean(MeshTemplate.class).nodeId()).isEqualTo("custom");
		});
	}

	@Test
	void userLifecycleBacksOff() {
		this.contextRunner.withUserConfiguration(CustomLifecycleConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(MeshNodeLifecycle.class);
			assertThat(context.getBean(MeshNodeLifecycle.class)).isInstanceOf(NoStartLifecycle.class);
			assertThat(context.getBean(MeshNode.class).isRunning()).isFalse();
		});
	}

	@Test
	void defaultSettings() {
		this.contextRunner.run((context) -> {
			MeshSettings settings = context.getBean(MeshNode.class).settings();
			assertThat(settings.nodeId()).matches("litemesh-[a-z0-9]{6}");
			assertThat(settings.cluster()).isEqualTo(MeshSettings.DEFAULT_CLUSTER);
			assertThat(settings.tcpPort()).isZero();
			assertThat(settings.bindAddress()).isNull();
			assertThat(settings.advertisedAddress()).isNull();
			assertThat(settings.seeds()).isEmpty();
			assertThat(settings.requestTimeout()).isEqualTo(MeshSettings.DEFAULT_REQUEST_TIMEOUT);
			assertThat(settings.maxFrameSize()).isEqualTo(MeshSettings.DEFAULT_MAX_FRAME_SIZE);
			assertThat(settings.maxHops()).isEqualTo(MeshSettings.DEFAULT_MAX_HOPS);
			assertThat(settings.secret()).isNull();
		});
	}

	@Test
	void nodeIdDefaultsToApplicationNameAndRandomSuffix() {
		this.contextRunner.withPropertyValues("spring.application.name=billing")
			.run((context) -> assertThat(context.getBean(MeshNode.class).nodeId()).matches("billing-[a-z0-9]{6}"));
	}

	@Test
	void propertiesMapOntoNodeSettings() {
		this.contextRunner
			.withPropertyValues("litemesh.node-id=billing-1", "litemesh.cluster=demo",
					"litemesh.tcp.bind-address=127.0.0.1", "litemesh.tcp.advertised-address=127.0.0.1",
					"litemesh.seeds=127.0.0.1:1, 127.0.0.1:2", "litemesh.request-timeout=3s",
					"litemesh.max-frame-size=1MB", "litemesh.max-hops=4", "litemesh.security.secret=s3cret-phrase",
					"litemesh.advertise-interval=2s", "litemesh.advertisement-ttl=9s",
					"litemesh.tcp.keep-alive-interval=250ms", "litemesh.tcp.keep-alive-timeout=1s",
					"litemesh.tcp.reconnect-max-backoff=3s", "litemesh.tcp.max-links=6", "litemesh.tcp.io-threads=2",
					"litemesh.discovery.multicast.group=ff15::4c4d", "litemesh.discovery.multicast.port=7078")
			.run((context) -> {
				MeshSettings settings = context.getBean(MeshNode.class).settings();
				assertThat(settings.nodeId()).isEqualTo("billing-1");
				assertThat(settings.cluster()).isEqualTo("demo");
				assertThat(settings.tcpPort()).isZero();
				assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
				assertThat(settings.advertisedAddress()).isEqualTo("127.0.0.1");
				assertThat(settings.seeds()).containsExactly("127.0.0.1:1", "127.0.0.1:2");
				assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(settings.maxFrameSize()).isEqualTo(1024 * 1024);
				assertThat(settings.maxHops()).isEqualTo(4);
				assertThat(settings.secret()).isEqualTo("s3cret-phrase");
				assertThat(settings.advertiseInterval()).isEqualTo(Duration.ofSeconds(2));
				assertThat(settings.advertisementTtl()).isEqualTo(Duration.ofSeconds(9));
				assertThat(settings.keepAliveInterval()).isEqualTo(Duration.ofMillis(250));
				assertThat(settings.keepAliveTimeout()).isEqualTo(Duration.ofSeconds(1));
				assertThat(settings.reconnectMaxBackoff()).isEqualTo(Duration.ofSeconds(3));
				assertThat(settings.maxLinks()).isEqualTo(6);
				assertThat(settings.ioThreads()).isEqualTo(2);
				assertThat(settings.tcpEnabled()).isTrue();
				assertThat(settings.multicast()).isEqualTo(new MulticastDiscovery(false, "ff15::4c4d", 7078));
			});
	}

	@Test
	void outboundOnlyNodeHasNoAddress() {
		this.contextRunner.withPropertyValues("litemesh.tcp.port=-1").run((context) -> {
			MeshNode node = context.getBean(MeshNode.class);
			assertThat(node.settings().tcpPort()).isEqualTo(-1);
			assertThat(node.addresses()).isEmpty();
		});
	}

	@ParameterizedTest
	@CsvSource({ "litemesh.max-hops, 0", "litemesh.max-hops, 256", "litemesh.tcp.port, 70000", "litemesh.tcp.port, -2",
			"litemesh.max-frame-size, 3GB", "litemesh.max-frame-size, 10B", "litemesh.request-timeout, 0s",
			"litemesh.advertise-interval, -1s", "litemesh.advertisement-ttl, 0ms",
			"litemesh.tcp.keep-alive-interval, 0s", "litemesh.tcp.keep-alive-timeout, -2s",
			"litemesh.tcp.reconnect-max-backoff, 0s", "litemesh.security.secret, short", "litemesh.tcp.max-links, 1",
			"litemesh.tcp.io-threads, 0", "litemesh.tcp.ssl.bundle, mesh",
			"litemesh.discovery.multicast.group, 10.1.2.3", "litemesh.discovery.multicast.group, beacons.example.com",
			"litemesh.discovery.multicast.port, 0" })
	void badValueFailsStartupNamingTheKey(String key, String value) {
		this.contextRunner.withPropertyValues(key + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
						(ex) -> assertThat(ex.getName()).isEqualTo(key))
				.hasMessageContaining(key);
		});
	}

	@Test
	void tcpOffWithoutADatabaseOrDirectoryFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("litemesh.tcp.enabled=false").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("litemesh.tcp.enabled=false");
		});
	}

	@Test
	void rejectedSecretIsNamedButNeverShown() {
		this.contextRunner.withPropertyValues("litemesh.security.secret=tooshrt").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("litemesh.security.secret")
				.hasMessageNotContaining("tooshrt");
		});
	}

	@Test
	void customizersAreAppliedInOrderAfterProperties() {
		this.contextRunner.withPropertyValues("litemesh.cluster=from-properties")
			.withUserConfiguration(CustomizersConfiguration.class)
			.run((context) -> {
				MeshSettings settings = context.getBean(MeshNode.class).settings();
				assertThat(settings.cluster()).isEqualTo("second");
				assertThat(settings.maxHops()).isEqualTo(3);
			});
	}

	@Test
	void contextJsonMapperIsAccepted() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(MeshNode.class));
	}

	@Test
	void meshServiceBeansAreOfferedOnStart() {
		this.contextRunner.withUserConfiguration(ServicesConfiguration.class).run((context) -> {
			List<ServiceInfo> services = context.getBean(MeshNode.class).snapshot().local().services();
			assertThat(services).extracting(ServiceInfo::name).containsExactlyInAnyOrder("greeter", "echoBean");
			ServiceInfo greeter = services.stream()
				.filter((service) -> service.name().equals("greeter"))
				.findFirst()
				.orElseThrow();
			assertThat(greeter.version()).isEqualTo("1");
			assertThat(greeter.endpoints()).containsExactly("hello");
			assertThat(greeter.tags()).containsEntry("zone", "eu");
		});
	}

	@Test
	void reactorNettyResourcesAreOwnedByEachContext() {
		this.contextRunner.withBean(ReactorResourceFactory.class)
			.run((context) -> assertThat(context.getBean(ReactorResourceFactory.class).isUseGlobalResources())
				.isFalse());
	}

	@Test
	void reactorNettyResourcesAreLeftAloneWithoutReactorNetty() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HttpResources.class))
			.run((context) -> assertThat(context).doesNotHaveBean(IsolatedReactorResourcesPostProcessor.class));
	}

	@Test
	void placeholdersInTheAnnotationResolveFromTheEnvironment() {
		this.contextRunner.withUserConfiguration(ServicesConfiguration.class)
			.withPropertyValues("demo.zone=us")
			.run((context) -> assertThat(context.getBean(MeshNode.class).snapshot().local().services())
				.filteredOn((service) -> service.name().equals("greeter"))
				.singleElement()
				.satisfies((greeter) -> assertThat(greeter.tags()).containsEntry("zone", "us")));
	}

	@Test
	void twoServicesOfOneNameFailStartup() {
		this.contextRunner.withUserConfiguration(DuplicateServicesConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(IllegalStateException.class);
			MeshServiceRegistrationException failure = findCause(context.getStartupFailure(),
					MeshServiceRegistrationException.class);
			assertThat(failure.getBeanName()).isIn("greeter", "otherGreeter");
		});
	}

	@Test
	void overloadedEndpointFailsStartup() {
		this.contextRunner.withBean("overloaded", OverloadedService.class).run((context) -> {
			assertThat(context).hasFailed();
			MeshServiceRegistrationException failure = findCause(context.getStartupFailure(),
					MeshServiceRegistrationException.class);
			assertThat(failure.getBeanName()).isEqualTo("overloaded");
			assertThat(failure).hasMessageContaining("hello");
		});
	}

	@Test
	void lifecycleStartsAfterWebServerAndStopsBeforeGracefulShutdown() {
		this.contextRunner.run((context) -> assertThat(context.getBean(MeshNodeLifecycle.class).getPhase())
			.isGreaterThan(SmartLifecycle.DEFAULT_PHASE - 1024)
			.isLessThan(SmartLifecycle.DEFAULT_PHASE));
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
		}
		throw new AssertionError("No " + type.getName() + " in " + failure);
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomNodeConfiguration {

		@Bean
		MeshNode customMeshNode() {
			return MeshNode.builder().nodeId("custom").tcpPort(0).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomLifecycleConfiguration {

		@Bean
		MeshNodeLifecycle customLifecycle(MeshNode node, org.springframework.beans.factory.ListableBeanFactory beans) {
			return new NoStartLifecycle(node, beans);
		}

	}

	static class NoStartLifecycle extends MeshNodeLifecycle {

		NoStartLifecycle(MeshNode node, org.springframework.beans.factory.ListableBeanFactory beanFactory) {
			super(node, beanFactory);
		}

		@Override
		public boolean isAutoStartup() {
			return false;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizersConfiguration {

		@Bean
		@Order(2)
		MeshNodeBuilderCustomizer secondCustomizer() {
			return (builder) -> builder.cluster("second");
		}

		@Bean
		@Order(1)
		MeshNodeBuilderCustomizer firstCustomizer() {
			return (builder) -> builder.cluster("first").maxHops(3);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ServicesConfiguration {

		@Bean
		GreeterService greeterService(MeshOperations mesh) {
			return new GreeterService(mesh);
		}

		@Bean
		EchoService echoBean() {
			return new EchoService();
		}

		@Bean
		String notAService() {
			return "plain";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DuplicateServicesConfiguration {

		@Bean
		GreeterService greeter(MeshOperations mesh) {
			return new GreeterService(mesh);
		}

		@Bean
		GreeterService otherGreeter(MeshOperations mesh) {
			return new GreeterService(mesh);
		}

	}

	/**
	 * A service that injects the mesh, as applications do: no cycle with the node.
	 */
	@MeshService(name = "greeter", version = "1", tags = "zone=${demo.zone:eu}")
	static class GreeterService {

		private final MeshOperations mesh;

		GreeterService(MeshOperations mesh) {
			this.mesh = mesh;
		}

		public String hello(String name) {
			return "Hello " + name + " from " + this.mesh.nodeId();
		}

	}

	@MeshService
	static class EchoService {

		public String echo(String text) {
			return text;
		}

	}

	@MeshService("overloadedService")
	static class OverloadedService {

		public String hello(String name) {
			return name;
		}

		public String hello(String name, String other) {
			return name + other;
		}

	}

}
