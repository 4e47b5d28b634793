/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.membership;

/**
 * A link a node advertises: to whom, over what, at what routing cost.
 *
 * @param to the neighbour
 * @param transport {@code tcp}, {@code jdbc} or {@code file}
 * @param cost the routing cost
 * @author LiteMesh team
 */
public record LinkInfo(String to, String transport, int cost) {
}
