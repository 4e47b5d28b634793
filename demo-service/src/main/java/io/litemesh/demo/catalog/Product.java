/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.demo.catalog;

/**
 * A product of the catalogue, with its stock in the region of the node that answered.
 *
 * @param sku the stock-keeping unit, such as {@code sku-1}
 * @param name the product name
 * @param category the category
 * @param region the region whose stock this is
 * @param stock the units in stock in that region
 * @param servedBy the id of the node that answered, so callers can watch anycast at work
 * @author LiteMesh team
 */
public record Product(String sku, String name, String category, String region, int stock, String servedBy) {

}
