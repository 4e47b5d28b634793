/*
 * Copyright 2026 the LiteMesh authors.
 */

/**
 * Micrometer observations of mesh calls: {@code litemesh.client.requests} on the calling
 * node and {@code litemesh.server.requests} on the serving node, with contexts that carry
 * the trace across every hop in the envelope's {@code trace} field, and conventions users
 * can replace.
 */
@NullMarked
package io.litemesh.observation;

import org.jspecify.annotations.NullMarked;
