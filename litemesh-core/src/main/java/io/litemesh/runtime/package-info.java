/**
 * The runtime of one node: wires the layers (transports, membership, routing, local
 * services), starts them bottom-up, stops them top-down, and serves the public entry
 * points {@link io.litemesh.MeshNode} and {@link io.litemesh.MeshTemplate}.
 */
@NullMarked
package io.litemesh.runtime;

import org.jspecify.annotations.NullMarked;
