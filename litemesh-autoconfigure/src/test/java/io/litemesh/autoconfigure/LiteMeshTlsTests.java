/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.litemesh.MeshNode;
import io.litemesh.MeshService;
import io.litemesh.MeshTemplate;
import io.litemesh.Target;
import io.litemesh.TestCertificates;
import io.litemesh.TestCertificates.Authority;
import io.litemesh.TestCertificates.Issued;
import io.litemesh.view.NodeStatus;
import io.litemesh.view.NodeView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for TLS from a Spring Boot SSL bundle ({@code litemesh.tcp.ssl.*}) and for the
 * safe default bind of {@link LiteMeshAutoConfiguration}, with real certificates and
 * nodes on loopback.
 *
 * @author LiteMesh team
 */
class LiteMeshTlsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final Authority ca = TestCertificates.authority("mesh-ca");

	private final Authority otherCa = TestCertificates.authority("other-ca");

	private final String cluster = "tls-" + MeshNode.Builder.randomSuffix();

	@TempDir
	Path directory;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, LiteMeshAutoConfiguration.class))
		.withPropertyValues("litemesh.tcp.port=0", "litemesh.cluster=" + this.cluster,
				"litemesh.tcp.bind-address=127.0.0.1");

	private ApplicationContextRunner node(String nodeId, Issued certificate, Authority... trusted) {
		String[] files = certificate.write(this.directory, nodeId);
		String truststore = TestCertificates.writeCertificates(this.directory.resolve(nodeId + "-trust.crt"),
				Arrays.stream(trusted).map(Authority::certificate).toArray(X509Certificate[]::new));
		return this.contextRunner.withPropertyValues("litemesh.node-id=" + nodeId,
				"spring.ssl.bundle.pem.mesh.keystore.certificate=" + files[0],
				"spring.ssl.bundle.pem.mesh.keystore.private-key=" + files[1],
				"spring.ssl.bundle.pem.mesh.truststore.certificate=" + truststore, "litemesh.tcp.ssl.bundle=mesh");
	}

	@Test
	void pemBundleMapsToAWorkingTlsNode() {
		node("a", this.ca.issue("a"), this.ca).withBean(Greeter.class).run((a) -> {
			assertThat(a).hasNotFailed();
			node("b", this.ca.issue("b"), this.ca).withPropertyValues("litemesh.seeds=" + seed(a)).run((b) -> {
				awaitUp(List.of(a, b), "a", "b");
				assertThat(b.getBean(MeshTemplate.class)
					.request(Target.anycast("greeter"), "whoami", null, String.class)
					.block(TIMEOUT)).isEqualTo("a");
			});
		});
	}

	@Test
	void nodeWithoutTheBundleNeverJoins() {
		node("a", this.ca.issue("a"), this.ca)
			.run((a) -> this.contextRunner.withPropertyValues("litemesh.node-id=plain", "litemesh.seeds=" + seed(a))
				.run((plain) -> {
					await().atMost(TIMEOUT).until(() -> meshNode(a).health().refusedConnections() >= 1);
					assertThat(meshNode(a).snapshot().nodes()).extracting(NodeView::id).containsExactly("a");
					assertThat(meshNode(plain).snapshot().nodes()).extracting(NodeView::id).containsExactly("plain");
				}));
	}

	@Test
	void bundleUpdateMakesNewConnectionsUseTheNewCertificate() {
		node("a", this.ca.issue("a"), this.ca, this.otherCa).run((a) -> {
			// b trusts the other CA only: it refuses a's first certificate
			node("b", this.otherCa.issue("b"), this.otherCa)
				.withPropertyValues("litemesh.seeds=" + seed(a), "litemesh.tcp.reconnect-max-backoff=300ms")
				.run((b) -> {
					await().atMost(TIMEOUT).until(() -> meshNode(b).health().refusedConnections() >= 1);
					assertThat(meshNode(b).snapshot().nodes()).extracting(NodeView::id).containsExactly("b");
					a.getBean(SslBundleRegistry.class).updateBundle("mesh", bundle(this.otherCa.issue("a-renewed")));
					awaitUp(List.of(a, b), "a", "b");
				});
		});
	}

	private SslBundle bundle(Issued certificate) {
		String[] files = certificate.write(this.directory, "renewed");
		String truststore = TestCertificates.writeCertificates(this.directory.resolve("renewed-trust.crt"),
				this.ca.certificate(), this.otherCa.certificate());
		return SslBundle.of(new PemSslStoreBundle(PemSslStoreDetails.forCertificate(files[0]).withPrivateKey(files[1]),
				PemSslStoreDetails.forCertificate(truststore)));
	}

	@Test
	void unknownBundleFailsStartupNamingTheKey() {
		this.contextRunner.withPropertyValues("litemesh.tcp.ssl.bundle=missing").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
						(ex) -> assertThat(ex.getName()).isEqualTo("litemesh.tcp.ssl.bundle"))
				.hasMessageContaining("No SSL bundle named 'missing'");
		});
	}

	@Test
	void bundleWithoutATruststoreFailsStartupNamingTheKey() {
		String[] files = this.ca.issue("a").write(this.directory, "a");
		this.contextRunner
			.withPropertyValues("spring.ssl.bundle.pem.mesh.keystore.certificate=" + files[0],
					"spring.ssl.bundle.pem.mesh.keystore.private-key=" + files[1], "litemesh.tcp.ssl.bundle=mesh")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("litemesh.tcp.ssl.bundle")
					.hasMessageContaining("no truststore");
			});
	}

	@Test
	void nonLoopbackBindWithoutAuthenticationFailsStartupNamingTheKeys() {
		this.contextRunner.withPropertyValues("litemesh.tcp.bind-address=0.0.0.0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
						(ex) -> assertThat(ex.getName()).isEqualTo("litemesh.tcp.bind-address"))
				.hasMessageContaining("litemesh.security.secret")
				.hasMessageContaining("litemesh.tcp.ssl.bundle")
				.hasMessageContaining("litemesh.security.allow-unauthenticated");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "want", "none" })
	void nonLoopbackBindWithTlsButNoClientCertificatesFailsStartup(String clientAuth) {
		node("a", this.ca.issue("a"), this.ca)
			.withPropertyValues("litemesh.tcp.bind-address=0.0.0.0", "litemesh.tcp.ssl.client-auth=" + clientAuth)
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("litemesh.tcp.bind-address"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "litemesh.security.allow-unauthenticated=true", "litemesh.security.secret=s3cret-phrase" })
	void nonLoopbackBindIsAllowedWithASecretOrWhenAllowed(String property) {
		this.contextRunner.withPropertyValues("litemesh.tcp.bind-address=0.0.0.0", property)
			.run((context) -> assertThat(meshNode(context).isRunning()).isTrue());
	}

	@Test
	void nonLoopbackBindIsAllowedWithTlsClientCertificates() {
		node("a", this.ca.issue("a"), this.ca).withPropertyValues("litemesh.tcp.bind-address=0.0.0.0")
			.run((context) -> assertThat(meshNode(context).isRunning()).isTrue());
	}

	private static void awaitUp(List<AssertableApplicationContext> contexts, String... nodeIds) {
		await().atMost(TIMEOUT)
			.until(() -> contexts.stream()
				.allMatch((context) -> meshNode(context).snapshot()
					.nodes()
					.stream()
					.filter((view) -> view.status() == NodeStatus.UP)
					.map(NodeView::id)
					.sorted()
					.toList()
					.equals(List.of(nodeIds))));
	}

	private static MeshNode meshNode(AssertableApplicationContext context) {
		return context.getBean(MeshNode.class);
	}

	private static String seed(AssertableApplicationContext context) {
		return meshNode(context).addresses().get(0).substring("tcp://".length());
	}

	@MeshService("greeter")
	static class Greeter {

		private final MeshNode node;

		Greeter(MeshNode node) {
			this.node = node;
		}

		public String whoami() {
			return this.node.nodeId();
		}

	}

}
