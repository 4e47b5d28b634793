/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.demo.gateway;

import java.util.List;

/**
 * The answer of {@code POST /cache/invalidate/{sku}}.
 *
 * @param sku the SKU invalidated
 * @param sentTo the catalogue nodes the broadcast went to
 * @author LiteMesh team
 */
public record Invalidation(String sku, List<String> sentTo) {

}
