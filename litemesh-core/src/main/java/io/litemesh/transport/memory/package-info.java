/**
 * In-memory links between the nodes of one JVM: the same link contract as TCP without
 * sockets or frame encoding, for tests and simulations of many nodes.
 */
@NullMarked
package io.litemesh.transport.memory;

import org.jspecify.annotations.NullMarked;
