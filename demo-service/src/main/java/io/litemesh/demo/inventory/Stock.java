/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.demo.inventory;

/**
 * How many of a product the central warehouse holds, apart from the shelf stock each
 * catalogue node reports for its region.
 *
 * @param sku the product
 * @param units the units in stock
 * @param countedBy the node that answered
 * @param hops how many links the question crossed
 * @author LiteMesh team
 */
public record Stock(String sku, int units, String countedBy, int hops) {
}
