/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.demo.gateway;

import io.litemesh.demo.catalog.Product;
import io.litemesh.demo.pricing.Quote;

/**
 * A product from the catalogue with its price from the pricing service: the answer of
 * {@code GET /products/{sku}}.
 *
 * @param product the product, from whichever catalogue node answered
 * @param quote its price
 * @author LiteMesh team
 */
public record ProductDetails(Product product, Quote quote) {

}
