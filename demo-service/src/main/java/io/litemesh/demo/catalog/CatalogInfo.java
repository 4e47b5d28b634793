/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.demo.catalog;

import java.util.List;

/**
 * What one catalogue node holds: the answer each node gives to a broadcast.
 *
 * @param node the id of the node
 * @param region the region the node serves
 * @param products how many products it offers
 * @param cached the SKUs it has cached, which a broadcast invalidation empties
 * @author LiteMesh team
 */
public record CatalogInfo(String node, String region, int products, List<String> cached) {

}
