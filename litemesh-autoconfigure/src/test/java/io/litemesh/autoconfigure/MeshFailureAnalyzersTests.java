/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;

import io.litemesh.MeshNode;
import io.litemesh.MeshSettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContextException;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MeshNodeStartFailureAnalyzer} and
 * {@link MeshServiceRegistrationFailureAnalyzer}.
 *
 * @author LiteMesh team
 */
class MeshFailureAnalyzersTests {

	private final MeshSettings settings = MeshNode.builder().nodeId("billing-1").tcpPort(7070).build().settings();

	@Test
	void analyzersAreRegistered() {
		// Boot's own analyzers need constructor arguments; skip those that fail to
		// instantiate
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(FailureAnalyzer.class, FailureHandler.handleMessage((message, failure) -> {
			}))).hasAtLeastOneElementOfType(MeshNodeStartFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(MeshServiceRegistrationFailureAnalyzer.class);
	}

	@Test
	void portInUse() {
		Throwable failure = wrap(new MeshNodeStartException(this.settings,
				new IllegalStateException("Failed to bind", new BindException("Address already in use"))));
		FailureAnalysis analysis = new MeshNodeStartFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).contains("billing-1").contains("7070").contains("already in use");
		assertThat(analysis.getAction()).contains("litemesh.tcp.port").contains("7070");
	}

	@Test
	void bindAddressNotLocal() {
		Throwable failure = wrap(
				new MeshNodeStartException(this.settings, new BindException("Cannot assign requested address")));
		FailureAnalysis analysis = new MeshNodeStartFailureAnalyzer().analyze(failure);
		assertThat(analysis.getAction()).contains("litemesh.tcp.bind-address");
	}

	@Test
	void otherStartFailure() {
		Throwable failure = wrap(new MeshNodeStartException(this.settings, new IllegalStateException("Boom")));
		FailureAnalysis analysis = new MeshNodeStartFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).contains("billing-1").contains("Boom");
		assertThat(analysis.getAction()).contains("litemesh.");
	}

	@Test
	void serviceRegistration() {
		Throwable failure = wrap(new MeshServiceRegistrationException("greeter", String.class,
				new IllegalStateException("Node billing-1 already offers a service named 'greeter'")));
		FailureAnalysis analysis = new MeshServiceRegistrationFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).contains("'greeter'")
			.contains("java.lang.String")
			.contains("already offers a service named 'greeter'");
		assertThat(analysis.getAction()).contains("@MeshService(name = ");
	}

	@Test
	void unrelatedFailureIsNotAnalyzed() {
		assertThat(new MeshNodeStartFailureAnalyzer().analyze(new IllegalStateException("Address already in use")))
			.isNull();
	}

	@Test
	void realPortInUseFailsStartupWithAnalysis() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(LiteMeshAutoConfiguration.class))
				.withPropertyValues("litemesh.tcp.port=" + socket.getLocalPort(),
						"litemesh.tcp.bind-address=" + socket.getInetAddress().getHostAddress())
				.run((context) -> {
					assertThat(context).hasFailed();
					FailureAnalysis analysis = new MeshNodeStartFailureAnalyzer().analyze(context.getStartupFailure());
					assertThat(analysis).isNotNull();
					assertThat(analysis.getAction()).contains("litemesh.tcp.port")
						.contains(String.valueOf(socket.getLocalPort()));
				});
		}
	}

	private static Throwable wrap(Throwable failure) {
		return new ApplicationContextException("Failed to start bean 'meshNodeLifecycle'", failure);
	}

}
