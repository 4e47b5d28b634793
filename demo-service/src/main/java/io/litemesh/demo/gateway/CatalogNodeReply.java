/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.demo.gateway;

import io.litemesh.demo.catalog.CatalogInfo;
import org.jspecify.annotations.Nullable;

/**
 * The answer of one catalogue node to a broadcast: its description, or why it failed.
 *
 * @param node the id of the node
 * @param info what the node holds, {@code null} when it failed
 * @param error why it failed, {@code null} when it answered
 * @author LiteMesh team
 */
public record CatalogNodeReply(String node, @Nullable CatalogInfo info, @Nullable String error) {

}
