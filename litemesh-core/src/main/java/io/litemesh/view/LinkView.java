/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.view;

/**
 * A link of the mesh graph, as the link-state database holds it.
 *
 * @param from one end
 * @param to the other end
 * @param transport {@code tcp}, {@code jdbc} or {@code file}
 * @param cost the routing cost of the link
 * @author LiteMesh team
 */
public record LinkView(String from, String to, String transport, int cost) {
}
