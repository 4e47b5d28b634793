/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.demo.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.litemesh.MeshOperations;
import io.litemesh.MeshService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * The {@code pricing} service: quotes with a volume discount, and a live price feed that
 * wanders around the list price.
 * <p>
 * The feed is a {@code Flux}, so callers receive it as a stream with back-pressure from
 * end to end; a price feed only needs the latest price, so ticks a slow caller has not
 * asked for are dropped rather than buffered.
 *
 * @author LiteMesh team
 */
@MeshService(name = "pricing", version = "1", tags = "currency=EUR")
@ConditionalOnBooleanProperty("demo.pricing.enabled")
public class PricingService implements PricingApi {

	private static final String CURRENCY = "EUR";

	private static final int DISCOUNT_QUANTITY = 10;

	private static final int DISCOUNT_PERCENT = 10;

	private static final Map<String, BigDecimal> LIST_PRICES = Map.of("sku-1", new BigDecimal("449.00"), "sku-2",
			new BigDecimal("129.00"), "sku-3", new BigDecimal("19.50"), "sku-4", new BigDecimal("59.90"), "sku-5",
			new BigDecimal("34.00"));

	private final MeshOperations mesh;

	private final Duration tickInterval;

	private final int ticks;

	/**
	 * Create the service.
	 * @param mesh the mesh, to name this node in answers
	 * @param tickInterval the time between two ticks of a price feed
	 * @param ticks how many ticks a price feed sends before it completes
	 */
	public PricingService(MeshOperations mesh, @Value("${demo.pricing.tick-interval:1s}") Duration tickInterval,
			@Value("${demo.pricing.ticks:20}") int ticks) {
		this.mesh = mesh;
		this.tickInterval = tickInterval;
		this.ticks = ticks;
	}

	@Override
	public Mono<Quote> quote(QuoteRequest request) {
		return Mono.fromCallable(() -> {
			BigDecimal unitPrice = listPrice(request.sku());
			if (request.quantity() < 1) {
				throw new IllegalArgumentException("Quantity must be at least 1, but was " + request.quantity());
			}
			int discount = (request.quantity() >= DISCOUNT_QUANTITY) ? DISCOUNT_PERCENT : 0;
			BigDecimal total = unitPrice.multiply(BigDecimal.valueOf(request.quantity()))
				.multiply(BigDecimal.valueOf(100 - discount))
				.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN);
			return new Quote(request.sku(), request.quantity(), unitPrice, discount, total, CURRENCY,
					this.mesh.nodeId());
		});
	}

	@Override
	public Flux<PriceTick> priceFeed(String sku) {
		return Mono.fromCallable(() -> listPrice(sku))
			.flatMapMany((listPrice) -> Flux.interval(Duration.ZERO, this.tickInterval)
				.onBackpressureDrop()
				.take(this.ticks)
				.map((sequence) -> new PriceTick(sku, sequence, wander(listPrice), CURRENCY, Instant.now(),
						this.mesh.nodeId())));
	}

	private static BigDecimal listPrice(String sku) {
		BigDecimal price = LIST_PRICES.get(sku);
		if (price == null) {
			throw new IllegalArgumentException("No price for '" + sku + "'; known SKUs are sku-1 to sku-5");
		}
		return price;
	}

	private static BigDecimal wander(BigDecimal listPrice) {
		// Up to 2% either side of the list price
		double factor = 1 + ThreadLocalRandom.current().nextDouble(-0.02, 0.02);
		return listPrice.multiply(BigDecimal.valueOf(factor)).setScale(2, RoundingMode.HALF_EVEN);
	}

}
