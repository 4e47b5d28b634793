/**
 * Test support: a mesh of several nodes in one JVM, over in-memory links or loopback TCP,
 * with waits for convergence and controls to cut and heal links and to kill and restart
 * nodes.
 */
@NullMarked
package io.litemesh.test;

import org.jspecify.annotations.NullMarked;
