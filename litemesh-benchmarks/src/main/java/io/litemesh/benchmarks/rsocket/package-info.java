/*
 * Copyright 2026 the LiteMesh authors.
 */
/**
 * Raw rsocket-java, the baseline, and the raw forwarding relay.
 */
package io.litemesh.benchmarks.rsocket;
