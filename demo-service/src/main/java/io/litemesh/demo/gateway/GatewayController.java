/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.demo.gateway;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.litemesh.MeshNode;
import io.litemesh.MeshReply;
import io.litemesh.MeshTemplate;
import io.litemesh.Target;
import io.litemesh.demo.catalog.CatalogInfo;
import io.litemesh.demo.catalog.Product;
import io.litemesh.demo.inventory.Stock;
import io.litemesh.demo.pricing.PriceTick;
import io.litemesh.demo.pricing.PricingApi;
import io.litemesh.demo.pricing.QuoteRequest;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The gateway's HTTP API. It holds no data: every answer comes from the mesh, with each
 * way of calling it shown once.
 * <ul>
 * <li>{@code GET /products/{sku}}: anycast to any {@code catalog}, then to any
 * {@code pricing} through a {@link PricingApi} client proxy</li>
 * <li>{@code GET /products?region=eu}: anycast narrowed to providers tagged with the
 * region</li>
 * <li>{@code GET /nodes/{nodeId}/products}: unicast to one named node</li>
 * <li>{@code GET /catalog/nodes}: request to every {@code catalog} (broadcast), one reply
 * per node</li>
 * <li>{@code POST /cache/invalidate/{sku}}: fire-and-forget to every {@code catalog}</li>
 * <li>{@code GET /prices/{sku}/stream}: a stream from {@code pricing}, relayed as
 * server-sent events</li>
 * <li>{@code GET /stock/{sku}}: anycast to {@code inventory}, on the warehouse that only
 * the shared database reaches</li>
 * </ul>
 *
 * @author LiteMesh team
 */
@RestController
@ConditionalOnBooleanProperty("demo.gateway.enabled")
public class GatewayController {

	private static final String CATALOG = "catalog";

	private static final ParameterizedTypeReference<List<Product>> PRODUCTS = new ParameterizedTypeReference<>() {
	};

	private final MeshTemplate mesh;

	private final MeshNode node;

	private final PricingApi pricing;

	/**
	 * Create the controller.
	 * @param mesh the mesh to call
	 * @param node the local node, to tell whom a broadcast reaches
	 */
	public GatewayController(MeshTemplate mesh, MeshNode node) {
		this.mesh = mesh;
		this.node = node;
		// Each call of the proxy goes to whichever pricing node is nearest and least busy
		this.pricing = mesh.client(PricingApi.class, Target.anycast("pricing"));
	}

	/**
	 * Look up a product and price it.
	 * @param sku the SKU
	 * @param quantity how many units to price
	 * @return the product and its quote; {@code 404} for an unknown SKU
	 */
	@GetMapping("/products/{sku}")
	public Mono<ProductDetails> product(@PathVariable String sku, @RequestParam(defaultValue = "1") int quantity) {
		if (quantity < 1) {
			return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "Quantity must be at least 1"));
		}
		return this.mesh.request(Target.anycast(CATALOG), "find", sku, Product.class)
			.switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"No product '" + sku + "' in the catalogue; try sku-1 to sku-5")))
			.flatMap((product) -> this.pricing.quote(new QuoteRequest(sku, quantity))
				.map((quote) -> new ProductDetails(product, quote)));
	}

	/**
	 * List the products of any catalogue node, optionally of one region.
	 * @param region the region the answering node must serve ({@code eu} or {@code us}),
	 * or {@code null} for any
	 * @return the products
	 */
	@GetMapping("/products")
	public Mono<List<Product>> products(@RequestParam(required = false) @Nullable String region) {
		Target target = Target.anycast(CATALOG);
		if (region != null) {
			target = target.withTag("region", region);
		}
		return this.mesh.request(target, "list", null, PRODUCTS);
	}

	/**
	 * List the products of one catalogue node.
	 * @param nodeId the id of the node, such as {@code catalog-1}
	 * @return the products; {@code 503} when the node is unknown or offers no catalogue
	 */
	@GetMapping("/nodes/{nodeId}/products")
	public Mono<List<Product>> productsOf(@PathVariable String nodeId) {
		return this.mesh.request(Target.unicast(nodeId, CATALOG), "list", null, PRODUCTS);
	}

	/**
	 * The stock of a product in the warehouse, which only the shared database reaches.
	 * @param sku the product
	 * @return the stock
	 */
	@GetMapping("/stock/{sku}")
	public Mono<Stock> stock(@PathVariable String sku) {
		return this.mesh.request(Target.anycast("inventory"), "stock", sku, Stock.class);
	}

	/**
	 * Ask every catalogue node what it holds.
	 * @return one reply per node, sorted by node id
	 */
	@GetMapping("/catalog/nodes")
	public Flux<CatalogNodeReply> catalogNodes() {
		return this.mesh.requestAll(Target.broadcast(CATALOG), "info", null, CatalogInfo.class)
			.map(GatewayController::toNodeReply)
			.sort(Comparator.comparing(CatalogNodeReply::node));
	}

	/**
	 * Drop a product from the cache of every catalogue node.
	 * @param sku the SKU
	 * @return the SKU and the nodes the broadcast went to
	 */
	@PostMapping("/cache/invalidate/{sku}")
	public Mono<Invalidation> invalidate(@PathVariable String sku) {
		// send() is fire-and-forget: it says when the message left, not who got it, so
		// the
		// recipients are the catalogue providers that this node knows of right now
		List<String> recipients = this.node.snapshot().services().getOrDefault(CATALOG, List.of());
		return this.mesh.send(Target.broadcast(CATALOG), "invalidate", sku)
			.thenReturn(new Invalidation(sku, List.copyOf(recipients)));
	}

	/**
	 * Stream the live price of a product as server-sent events.
	 * @param sku the SKU
	 * @return the price ticks, until the feed completes
	 */
	@GetMapping(path = "/prices/{sku}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	public Flux<PriceTick> priceStream(@PathVariable String sku) {
		return this.mesh.stream(Target.anycast("pricing"), "priceFeed", sku, PriceTick.class);
	}

	private static CatalogNodeReply toNodeReply(MeshReply<CatalogInfo> reply) {
		Throwable error = reply.error();
		String message = (error != null) ? Objects.toString(error.getMessage(), error.getClass().getName()) : null;
		return new CatalogNodeReply(reply.nodeId(), reply.value(), message);
	}

}
