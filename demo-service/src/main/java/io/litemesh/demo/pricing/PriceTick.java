/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.demo.pricing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One element of a live price feed.
 *
 * @param sku the SKU
 * @param sequence the position of the tick in its feed, from {@code 0}
 * @param price the current unit price
 * @param currency the currency code
 * @param at when the price was set
 * @param node the id of the node that streams the feed
 * @author LiteMesh team
 */
public record PriceTick(String sku, long sequence, BigDecimal price, String currency, Instant at, String node) {

}
