/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.demo.pricing;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The endpoints of the {@code pricing} service as an interface: {@link PricingService}
 * implements it, and callers get a proxy of it from
 * {@link io.litemesh.MeshOperations#client(Class, io.litemesh.Target)}, so both sides
 * share one contract and the compiler checks the calls.
 *
 * @author LiteMesh team
 */
public interface PricingApi {

	/**
	 * Price some units of a product.
	 * @param request the product and quantity
	 * @return the quote; an error for an unknown SKU or a quantity below one
	 */
	Mono<Quote> quote(QuoteRequest request);

	/**
	 * Stream the live price of a product: a limited number of ticks, one per interval.
	 * @param sku the SKU
	 * @return the ticks; an error for an unknown SKU
	 */
	Flux<PriceTick> priceFeed(String sku);

}
