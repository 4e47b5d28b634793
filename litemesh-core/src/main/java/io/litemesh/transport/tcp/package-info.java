/**
 * The RSocket TCP transport: a server per node, outbound connections to peers, and plain
 * RSocket clients at the edge.
 */
@NullMarked
package io.litemesh.transport.tcp;

import org.jspecify.annotations.NullMarked;
