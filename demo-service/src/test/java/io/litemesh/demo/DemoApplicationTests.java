/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.demo;

import java.time.Duration;
import java.util.List;

import io.litemesh.demo.catalog.Product;
import io.litemesh.demo.gateway.CatalogNodeReply;
import io.litemesh.demo.gateway.Invalidation;
import io.litemesh.demo.pricing.PriceTick;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of the README's quick start: the four-node demo, started in this JVM exactly as
 * {@link DemoApplication#main} starts it but on free ports, answering over HTTP with data
 * from nodes it reaches through the mesh.
 *
 * @author LiteMesh team
 */
class DemoApplicationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static DemoMesh mesh;

	private static WebTestClient gateway;

	@BeforeAll
	static void startDemo() {
		mesh = DemoMesh.start(DemoSettings.ephemeral(), "--demo.pricing.tick-interval=50ms", "--demo.pricing.ticks=5");
		await().atMost(TIMEOUT).until(mesh::isFormed);
		gateway = client(DemoNode.GATEWAY);
	}

	@AfterAll
	static void stopDemo() {
		if (mesh != null) {
			mesh.close();
		}
	}

	@Test
	void quickStartCallAnswersWithCatalogAndPricingData() {
		gateway.get()
			.uri("/products/sku-1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.product.sku")
			.isEqualTo("sku-1")
			.jsonPath("$.product.name")
			.isEqualTo("Espresso machine")
			.jsonPath("$.product.servedBy")
			.value((String node) -> assertThat(node).isIn("catalog-1", "catalog-2"))
			.jsonPath("$.quote.unitPrice")
			.isEqualTo(449.0)
			.jsonPath("$.quote.total")
			.isEqualTo(449.0)
			.jsonPath("$.quote.pricedBy")
			.isEqualTo("catalog-2");
	}

	@Test
	void warehouseIsReachedThroughTheDatabaseOnly() {
		gateway.get()
			.uri("/stock/sku-1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.countedBy")
			.isEqualTo("warehouse")
			.jsonPath("$.units")
			.value((Integer units) -> assertThat(units).isBetween(10, 99));
		gateway.get()
			.uri("/actuator/mesh")
			.exchange()
			.expectBody()
			.jsonPath("$.links[?(@.from == 'warehouse' || @.to == 'warehouse')].transport")
			.value((List<String> transports) -> assertThat(transports).isNotEmpty().containsOnly("jdbc"));
	}

	@Test
	void quoteAppliesVolumeDiscount() {
		gateway.get()
			.uri("/products/sku-3?quantity=10")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.quote.discountPercent")
			.isEqualTo(10)
			.jsonPath("$.quote.total")
			.isEqualTo(175.5);
	}

	@Test
	void unknownProductIsNotFound() {
		gateway.get()
			.uri("/products/sku-404")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("sku-404"));
	}

	@Test
	void actuatorShowsTheWholeMeshFromTheGateway() {
		gateway.get()
			.uri("/actuator/mesh")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.node.id")
			.isEqualTo("gateway")
			.jsonPath("$.nodes.length()")
			.isEqualTo(4)
			.jsonPath("$.nodes[*].id")
			.value((List<String> ids) -> assertThat(ids).containsExactlyInAnyOrder("gateway", "catalog-1", "catalog-2",
					"warehouse"))
			.jsonPath("$.nodes[*].status")
			.value((List<String> statuses) -> assertThat(statuses).containsOnly("UP"))
			.jsonPath("$.services[?(@.name == 'catalog')].nodes[*]")
			.value((List<String> nodes) -> assertThat(nodes).containsExactlyInAnyOrder("catalog-1", "catalog-2"))
			.jsonPath("$.services[?(@.name == 'pricing')].nodes[*]")
			.value((List<String> nodes) -> assertThat(nodes).containsExactly("catalog-2"));
	}

	@Test
	void actuatorDescribesAnotherNodeThroughTheMesh() {
		gateway.get()
			.uri("/actuator/mesh/catalog-1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.node.id")
			.isEqualTo("catalog-1")
			.jsonPath("$.node.services[0].tags.region")
			.isEqualTo("eu")
			.jsonPath("$.health.status")
			.isEqualTo("UP");
		gateway.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.mesh.status")
			.isEqualTo("UP");
	}

	@Test
	void anycastWithTagPicksTheRegion() {
		assertThat(products("/products?region=eu")).isNotEmpty()
			.allMatch((product) -> "catalog-1".equals(product.servedBy()));
		assertThat(products("/products?region=us")).isNotEmpty()
			.allMatch((product) -> "catalog-2".equals(product.servedBy()));
		assertThat(products("/products")).extracting(Product::sku)
			.containsExactly("sku-1", "sku-2", "sku-3", "sku-4", "sku-5");
	}

	@Test
	void unicastReachesTheNamedNode() {
		assertThat(products("/nodes/catalog-1/products")).hasSize(5)
			.allMatch((product) -> "catalog-1".equals(product.servedBy()) && "eu".equals(product.region()));
		gateway.get()
			.uri("/nodes/gateway/products")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).contains("gateway"));
	}

	@Test
	void broadcastInvalidatesTheCacheOfEveryCatalogNode() {
		// Listing caches every product on the node that lists
		products("/nodes/catalog-1/products");
		products("/nodes/catalog-2/products");
		assertThat(catalogNodes()).extracting(CatalogNodeReply::node).containsExactly("catalog-1", "catalog-2");
		assertThat(catalogNodes()).allMatch((reply) -> reply.info() != null && reply.info().cached().contains("sku-4"));
		Invalidation invalidation = gateway.post()
			.uri("/cache/invalidate/sku-4")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Invalidation.class)
			.returnResult()
			.getResponseBody();
		assertThat(invalidation).isNotNull();
		assertThat(invalidation.sentTo()).containsExactlyInAnyOrder("catalog-1", "catalog-2");
		// Fire-and-forget completes when the message leaves, so wait for it to arrive
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(catalogNodes())
				.allMatch((reply) -> reply.info() != null && !reply.info().cached().contains("sku-4")));
	}

	@Test
	void priceFeedStreamsServerSentEvents() {
		gateway.get()
			.uri("/prices/sku-2/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(PriceTick.class)
			.getResponseBody()
			.as(StepVerifier::create)
			.expectNextMatches(
					(tick) -> tick.sequence() == 0 && tick.sku().equals("sku-2") && tick.node().equals("catalog-2"))
			.expectNextCount(4)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void graphPageIsServedByTheGateway() {
		gateway.get()
			.uri("/litemesh")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("data-mesh-endpoint=\"/actuator/mesh\""));
		gateway.get().uri("/litemesh/assets/graph.js").exchange().expectStatus().isOk();
	}

	@Test
	void bannerShowsWhereToLookAndWhatToTry() {
		String url = mesh.httpUrl(DemoNode.GATEWAY);
		assertThat(mesh.banner()).contains("all 4 nodes up and meshed")
			.contains(url + "/actuator/mesh\n", url + "/actuator/health\n", url + "/actuator/mesh/catalog-1\n")
			.contains(url + "/litemesh\n")
			.contains("curl " + url + "/products/sku-1")
			.contains("catalog {region=eu}", "catalog {region=us}, pricing {currency=EUR}")
			.contains("curl " + url + "/stock/sku-1", "(database only)");
	}

	private static List<Product> products(String uri) {
		return gateway.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(Product.class)
			.returnResult()
			.getResponseBody();
	}

	private static List<CatalogNodeReply> catalogNodes() {
		return gateway.get()
			.uri("/catalog/nodes")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBodyList(CatalogNodeReply.class)
			.returnResult()
			.getResponseBody();
	}

	private static WebTestClient client(DemoNode node) {
		return WebTestClient.bindToServer().baseUrl(mesh.httpUrl(node)).responseTimeout(TIMEOUT).build();
	}

}
