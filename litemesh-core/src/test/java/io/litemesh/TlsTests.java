/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.time.Duration;
import java.util.List;

import javax.net.ssl.TrustManagerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.litemesh.TestCertificates.Authority;
import io.litemesh.TestServices.Greeter;
import io.litemesh.test.TestMesh;
import io.litemesh.transport.tcp.HostAndPort;
import io.litemesh.transport.tcp.TcpTls;
import io.litemesh.transport.tcp.TcpTls.ClientAuth;
import io.litemesh.view.NodeView;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.rsocket.transport.netty.client.TcpClientTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.netty.tcp.TcpClient;

import org.springframework.http.MediaType;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * TLS on the TCP transport, with real certificates that a test CA signs: mutual TLS
 * meshes, nodes and clients that are refused, and material reloaded while nodes run.
 */
class TlsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final Authority ca = TestCertificates.authority("mesh-ca");

	private final Authority otherCa = TestCertificates.authority("other-ca");

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private final Logger tcpLogger = (Logger) LoggerFactory.getLogger("io.litemesh.transport.tcp");

	@BeforeEach
	void captureLog() {
		this.log.start();
		this.tcpLogger.addAppender(this.log);
	}

	@AfterEach
	void releaseLog() {
		this.tcpLogger.detachAppender(this.log);
	}

	private TcpTls tls(String node, ClientAuth clientAuth) {
		return new TcpTls(this.ca.issue(node).material(this.ca), clientAuth);
	}

	@Test
	void threeNodesFormAMutualTlsMeshAndCallEachOther() {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode a = mesh.start("a", (builder) -> builder.tls(tls("a", ClientAuth.NEED)), new Greeter("a"));
			MeshNode b = mesh.start("b", (builder) -> builder.tls(tls("b", ClientAuth.NEED)), new Greeter("b"));
			MeshNode c = mesh.start("c", (builder) -> builder.tls(tls("c", ClientAuth.NEED)), new Greeter("c"));
			mesh.awaitConverged();
			// the whole triangle first: a call in flight on a link that the resolution of
			// two simultaneous dials closes fails (LiteMesh does not retry), and TLS
			// handshakes make that window wide enough to be hit
			await().atMost(TIMEOUT)
				.until(() -> List.of(a, b, c).stream().allMatch((node) -> TopologyTests.degree(node) == 2)
						&& TopologyTests.sameGraph(List.of(a, b, c)));
			for (MeshNode caller : List.of(a, b, c)) {
				for (String callee : List.of("a", "b", "c")) {
					assertThat(TestMesh.template(caller)
						.request(Target.unicast(callee, "greeter"), "whoami", null, String.class)
						.block(TIMEOUT)).isEqualTo(callee);
				}
			}
			assertThat(List.of(a, b, c)).allSatisfy((node) -> assertThat(refused(node)).isZero());
		}
	}

	@Test
	void tlsWithASecretWorks() {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode a = mesh.start("a",
					(builder) -> builder.tls(tls("a", ClientAuth.NEED))
						.secret("correct horse")
						.bindAddress("127.0.0.1"));
			mesh.start("b",
					(builder) -> builder.tls(tls("b", ClientAuth.NEED))
						.secret("correct horse")
						.bindAddress("127.0.0.1"),
					new Greeter("b"));
			mesh.awaitConverged();
			assertThat(TestMesh.template(a)
				.request(Target.anycast("greeter"), "whoami", null, String.class)
				.block(TIMEOUT)).isEqualTo("b");
		}
	}

	@Test
	void plaintextNodeNeverJoinsATlsMeshAndEitherSideSaysWhy() {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode a = mesh.start("a", (builder) -> builder.tls(tls("a", ClientAuth.NEED)));
			MeshNode b = mesh.start("b", (builder) -> builder.tls(tls("b", ClientAuth.NEED)));
			// dials a, the first node, in plain TCP
			MeshNode plain = mesh.start("plain");
			// a TLS node that dials the plaintext node
			MeshNode dialsPlain = mesh.start("dials-plain",
					(builder) -> builder.tls(tls("dials-plain", ClientAuth.NEED)).seeds(plain.addresses()));
			await().atMost(TIMEOUT).until(() -> refused(a) >= 1 && refused(dialsPlain) >= 1);
			TestMesh.awaitUp(List.of(a, b), List.of("a", "b"));
			assertThat(plain.snapshot().nodes()).extracting(NodeView::id).containsExactly("plain");
			assertThat(dialsPlain.snapshot().nodes()).extracting(NodeView::id).containsExactly("dials-plain");
			assertThat(messages()).anySatisfy((message) -> assertThat(message).startsWith("Node a refused a connection")
				.contains("TLS handshake failed")
				.contains("litemesh.tcp.ssl.bundle"));
			assertThat(messages()).anySatisfy((message) -> assertThat(message).startsWith("Node dials-plain")
				.contains("TLS handshake with " + plain.addresses().get(0).substring("tcp://".length()) + " failed")
				.contains("may not use TLS (litemesh.tcp.ssl.bundle)"));
		}
	}

	@Test
	void clientAuthNeedRefusesANodeWithoutATrustedCertificate() {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode a = mesh.start("a", (builder) -> builder.tls(tls("a", ClientAuth.NEED)));
			// trusts the mesh's CA, but its own certificate is from another CA
			MeshNode stranger = mesh.start("stranger", (builder) -> builder.tcpPort(-1)
				.tls(new TcpTls(this.otherCa.issue("stranger").material(this.ca), ClientAuth.NEED)));
			await().atMost(TIMEOUT).until(() -> refused(a) >= 1);
			assertThat(a.snapshot().nodes()).extracting(NodeView::id).containsExactly("a");
			assertThat(stranger.snapshot().nodes()).extracting(NodeView::id).containsExactly("stranger");
		}
	}

	@Test
	void clientAuthNoneLetsANodeWithoutATrustedCertificateIn() {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode a = mesh.start("a", (builder) -> builder.tls(tls("a", ClientAuth.NONE)));
			MeshNode stranger = mesh.start("stranger", (builder) -> builder.tcpPort(-1)
				.tls(new TcpTls(this.otherCa.issue("stranger").material(this.ca), ClientAuth.NONE)));
			TestMesh.awaitUp(List.of(a, stranger), List.of("a", "stranger"));
		}
	}

	@Test
	void clientAuthNeedRefusesAStockClientWithoutACertificateAndNoneLetsItIn() {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode strict = mesh.start("strict", (builder) -> builder.tls(tls("strict", ClientAuth.NEED)),
					new Greeter("strict"));
			RSocketRequester refused = stockClient(strict, this.ca);
			try {
				assertThatException()
					.isThrownBy(() -> refused.route("greeter.whoami").retrieveMono(String.class).block(TIMEOUT));
			}
			finally {
				refused.dispose();
			}
			await().atMost(TIMEOUT).until(() -> refused(strict) >= 1);
		}
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode open = mesh.start("open", (builder) -> builder.tls(tls("open", ClientAuth.NONE)),
					new Greeter("open"));
			RSocketRequester admitted = stockClient(open, this.ca);
			try {
				assertThat(admitted.route("greeter.whoami").retrieveMono(String.class).block(TIMEOUT))
					.isEqualTo("\"open\"");
			}
			finally {
				admitted.dispose();
			}
		}
	}

	@Test
	void aStockClientWithATrustedCertificateNeedsNoTokenEvenWithASecret() {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode node = mesh.start("node",
					(builder) -> builder.tls(tls("node", ClientAuth.NEED)).secret("correct horse battery"),
					new Greeter("node"));
			RSocketRequester withCertificate = stockClient(node, this.ca, this.ca.issue("ops"));
			try {
				assertThat(withCertificate.route("greeter.whoami").retrieveMono(String.class).block(TIMEOUT))
					.isEqualTo("\"node\"");
			}
			finally {
				withCertificate.dispose();
			}
		}
	}

	@Test
	void reloadedMaterialIsWhatNewConnectionsUse() {
		try (TestMesh mesh = TestMesh.tcp()) {
			// a starts with a certificate of the mesh CA, and trusts both CAs
			TcpTls aTls = new TcpTls(this.ca.issue("a").material(this.ca, this.otherCa), ClientAuth.NEED);
			MeshNode a = mesh.start("a", (builder) -> builder.tls(aTls));
			// b trusts the other CA only, so it refuses a's first certificate
			MeshNode b = mesh.start("b", (builder) -> builder.reconnectMaxBackoff(Duration.ofMillis(300))
				.tls(new TcpTls(this.otherCa.issue("b").material(this.otherCa), ClientAuth.NEED)));
			await().atMost(TIMEOUT).until(() -> refused(b) >= 1);
			assertThat(b.snapshot().nodes()).extracting(NodeView::id).containsExactly("b");
			aTls.reload(this.otherCa.issue("a").material(this.ca, this.otherCa));
			TestMesh.awaitUp(List.of(a, b), List.of("a", "b"));
		}
	}

	@Test
	void tlsMaterialNeverShowsInToString() {
		TcpTls tls = tls("a", ClientAuth.WANT);
		assertThat(tls).hasToString("TcpTls[clientAuth=WANT, Material[protocols=default, ciphers=default]]");
	}

	private static RSocketRequester stockClient(MeshNode node, Authority trusted) {
		return stockClient(node, trusted, null);
	}

	private static RSocketRequester stockClient(MeshNode node, Authority trusted,
			TestCertificates.@Nullable Issued certificate) {
		HostAndPort address = HostAndPort.parse(node.addresses().get(0), -1);
		TrustManagerFactory trust = TestCertificates.trust(trusted);
		SslContext context;
		try {
			SslContextBuilder builder = SslContextBuilder.forClient()
				.trustManager(trust)
				.endpointIdentificationAlgorithm(null);
			if (certificate != null) {
				builder.keyManager(certificate.keyManagers());
			}
			context = builder.build();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		TcpClient client = TcpClient.create()
			.host(address.host())
			.port(address.port())
			.secure((spec) -> spec.sslContext(context));
		RSocketStrategies strategies = RSocketStrategies.builder()
			.encoders((encoders) -> encoders.add(new JacksonJsonEncoder()))
			.decoders((decoders) -> decoders.add(new JacksonJsonDecoder()))
			.build();
		return RSocketRequester.builder()
			.rsocketStrategies(strategies)
			.dataMimeType(MediaType.APPLICATION_JSON)
			.transport(TcpClientTransport.create(client));
	}

	private List<String> messages() {
		return this.log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
	}

	private static long refused(MeshNode node) {
		return node.health().refusedConnections();
	}

}
