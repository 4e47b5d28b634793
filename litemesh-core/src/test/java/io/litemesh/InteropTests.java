/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import io.litemesh.TestServices.Greeter;
import io.litemesh.TestServices.Order;
import io.litemesh.test.TestMesh;
import io.litemesh.transport.tcp.HostAndPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.http.MediaType;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.messaging.rsocket.RSocketRequester;
import org.springframework.messaging.rsocket.RSocketStrategies;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stock RSocket client (Spring's {@link RSocketRequester}) calls services through any
 * node, and bytes that are not RSocket close their own connection only.
 */
class InteropTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static TestMesh mesh;

	private static MeshNode gateway;

	@BeforeAll
	static void startMesh() {
		mesh = TestMesh.tcp();
		gateway = mesh.start("gateway");
		mesh.start("worker", new Greeter("worker"));
		mesh.awaitConverged();
	}

	@AfterAll
	static void stopMesh() {
		mesh.close();
	}

	private static RSocketRequester requester(MeshNode node) {
		HostAndPort address = HostAndPort.parse(node.addresses().get(0), -1);
		RSocketStrategies strategies = RSocketStrategies.builder()
			.encoders((encoders) -> encoders.add(new JacksonJsonEncoder()))
			.decoders((decoders) -> decoders.add(new JacksonJsonDecoder()))
			.build();
		return RSocketRequester.builder()
			.rsocketStrategies(strategies)
			.dataMimeType(MediaType.APPLICATION_JSON)
			.tcp(address.host(), address.port());
	}

	@Test
	void stockClientCallsAServiceOnAnotherNodeThroughAnyNode() {
		RSocketRequester requester = requester(gateway);
		try {
			Integer total = requester.route("greeter.total")
				.data(List.of(new Order("a", 2), new Order("b", 3)))
				.retrieveMono(Integer.class)
				.block(TIMEOUT);
			assertThat(total).isEqualTo(5);
			// every payload is JSON, strings included: a String reply arrives with its
			// quotes
			String greeting = requester.route("greeter.whoami").retrieveMono(String.class).block(TIMEOUT);
			assertThat(greeting).isEqualTo("\"worker\"");
			String hello = requester.route("greeter.helloMono")
				.data("\"Ada\"")
				.retrieveMono(String.class)
				.block(TIMEOUT);
			assertThat(hello).isEqualTo("\"mono Ada from worker\"");
		}
		finally {
			requester.dispose();
		}
	}

	@Test
	void stockClientStreams() {
		RSocketRequester requester = requester(gateway);
		try {
			StepVerifier.create(requester.route("greeter.count").data(4).retrieveFlux(Integer.class))
				.expectNext(1, 2, 3, 4)
				.expectComplete()
				.verify(TIMEOUT);
		}
		finally {
			requester.dispose();
		}
	}

	@Test
	void stockClientGetsReadableErrors() {
		RSocketRequester requester = requester(gateway);
		try {
			StepVerifier.create(requester.route("nope.x").retrieveMono(String.class))
				.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("NO_ROUTE")
					.hasMessageContaining("No node offers service 'nope'"))
				.verify(TIMEOUT);
			StepVerifier.create(requester.route("greeter.fail").data("\"why\"").retrieveMono(String.class))
				.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("REMOTE")
					.hasMessageContaining("failing as asked: why"))
				.verify(TIMEOUT);
			StepVerifier.create(requester.route("greeter.total").data("\"not a list\"").retrieveMono(String.class))
				.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("BAD_PAYLOAD")
					.hasMessageContaining(IllegalArgumentException.class.getName())
					.hasMessageContaining("does not map to java.util.List"))
				.verify(TIMEOUT);
			StepVerifier.create(requester.route("no-dot").retrieveMono(String.class))
				.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("<service>.<endpoint>"))
				.verify(TIMEOUT);
		}
		finally {
			requester.dispose();
		}
	}

	@Test
	void bytesThatAreNotRSocketCloseThatConnectionOnly() throws Exception {
		HostAndPort address = HostAndPort.parse(gateway.addresses().get(0), -1);
		try (Socket socket = new Socket(address.host(), address.port())) {
			socket.setSoTimeout(5_000);
			OutputStream out = socket.getOutputStream();
			out.write(new byte[] { 0, 0, 12 });
			byte[] junk = new byte[12];
			new Random(42).nextBytes(junk);
			out.write(junk);
			out.flush();
			InputStream in = socket.getInputStream();
			assertThat(readUntilClosed(in)).as("the node closes a connection that does not start with SETUP").isTrue();
		}
		try (Socket socket = new Socket(address.host(), address.port())) {
			byte[] noise = new byte[64 * 1024];
			new Random(7).nextBytes(noise);
			socket.getOutputStream().write(noise);
			socket.getOutputStream().flush();
		}
		assertThat(TestMesh.template(gateway)
			.request(Target.anycast("greeter"), "whoami", null, String.class)
			.block(TIMEOUT)).isEqualTo("worker");
		assertThat(gateway.health().status()).isEqualTo("UP");
		assertThat(mesh.nodes()).allSatisfy((node) -> assertThat(TestMesh.upNodes(node)).hasSize(2));
	}

	private static boolean readUntilClosed(InputStream in) throws Exception {
		try {
			byte[] buffer = new byte[1024];
			while (in.read(buffer) != -1) {
				// an error frame may come first
			}
			return true;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (java.net.SocketException ex) {
			return true;
		}
	}

}
