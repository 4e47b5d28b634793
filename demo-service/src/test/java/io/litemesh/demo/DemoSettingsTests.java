/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.demo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DemoSettings}.
 *
 * @author LiteMesh team
 */
class DemoSettingsTests {

	@Test
	void defaultsRunAllNodesOnTheDocumentedPorts() {
		DemoSettings settings = DemoSettings.from();
		assertThat(settings.singleNode()).isNull();
		assertThat(settings.httpPort(DemoNode.GATEWAY)).isEqualTo(8080);
		assertThat(settings.httpPort(DemoNode.CATALOG_2)).isEqualTo(8082);
		assertThat(settings.tcpPort(DemoNode.CATALOG_1)).isEqualTo(7071);
		assertThat(settings.formationTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.tls()).isFalse();
	}

	@Test
	void bareTlsFlagSwitchesTlsOn() {
		assertThat(DemoSettings.from("--demo.tls").tls()).isTrue();
		assertThat(DemoSettings.from("--demo.tls=false").tls()).isFalse();
	}

	@Test
	void tlsWithASingleNodeIsRejectedSayingWhatToDoInstead() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> DemoSettings.from("--demo.tls", "--demo.node=gateway"))
			.havingRootCause()
			.withMessageContaining("one JVM")
			.withMessageContaining("litemesh.tcp.ssl.bundle");
	}

	@Test
	void argumentsChooseTheNodeAndPorts() {
		DemoSettings settings = DemoSettings.from("--demo.node=catalog-1", "--demo.base-http-port=9080",
				"--demo.base-tcp-port=9070", "--demo.formation-timeout=5s", "--server.port=1");
		assertThat(settings.singleNode()).isEqualTo(DemoNode.CATALOG_1);
		assertThat(settings.httpPort(DemoNode.CATALOG_1)).isEqualTo(9081);
		assertThat(settings.tcpPort(DemoNode.GATEWAY)).isEqualTo(9070);
		assertThat(settings.formationTimeout()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void zeroMeansFreePortsForEveryNode() {
		DemoSettings settings = DemoSettings.ephemeral();
		assertThat(settings.httpPort(DemoNode.CATALOG_2)).isZero();
		assertThat(settings.tcpPort(DemoNode.CATALOG_2)).isZero();
	}

	@Test
	void unknownNodeIsRejectedWithTheKnownOnes() {
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> DemoSettings.from("--demo.node=pricing"))
			.havingRootCause()
			.withMessageContaining("'pricing'")
			.withMessageContaining("gateway, catalog-1, catalog-2");
	}

	@Test
	void portThatLeavesNoRoomForEveryNodeIsRejected() {
		assertThatExceptionOfType(BindException.class).isThrownBy(() -> DemoSettings.from("--demo.base-tcp-port=65535"))
			.havingRootCause()
			.withMessageContaining("demo.base-tcp-port")
			.withMessageContaining("65535");
	}

}
