/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.demo.pricing;

/**
 * A request for the price of some units of a product.
 *
 * @param sku the SKU
 * @param quantity how many units, at least one
 * @author LiteMesh team
 */
public record QuoteRequest(String sku, int quantity) {

}
