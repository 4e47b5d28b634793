/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.routing;

/**
 * The counters of a node's routing layer at one moment.
 *
 * @param messagesSent messages this node handed to its links, relayed ones included
 * @param hopLimitDrops messages dropped at the hop limit ({@code litemesh.max-hops})
 * @param malformedMessages messages that could not be read
 * @param deniedCalls calls to local services that the access rules
 * ({@code litemesh.security.access.*}) denied
 * @author LiteMesh team
 */
public record RoutingStatistics(long messagesSent, long hopLimitDrops, long malformedMessages, long deniedCalls) {
}
