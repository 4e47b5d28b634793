/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.demo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of {@code --demo.tls}: the demo mesh over mutual TLS, with the certificates of a
 * CA made at startup.
 *
 * @author LiteMesh team
 */
class DemoTlsTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Test
	void demoMeshFormsOverMutualTlsAndAnswers() {
		DemoSettings settings = new DemoSettings(0, 0, null, TIMEOUT, true);
		try (DemoMesh mesh = DemoMesh.start(settings, "--demo.pricing.ticks=1")) {
			await().atMost(TIMEOUT).until(mesh::isFormed);
			assertThat(mesh.banner()).contains("Mesh links are mutual TLS");
			int port = ((WebServerApplicationContext) mesh.context(DemoNode.GATEWAY)).getWebServer().getPort();
			WebTestClient.bindToServer()
				.baseUrl("http://127.0.0.1:" + port)
				.responseTimeout(TIMEOUT)
				.build()
				.get()
				.uri("/products/sku-1")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.quote.pricedBy")
				.isEqualTo("catalog-2");
		}
	}

}
