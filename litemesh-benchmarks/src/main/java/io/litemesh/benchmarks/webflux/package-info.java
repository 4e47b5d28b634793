/*
 * Copyright 2026 the LiteMesh authors.
 */
/**
 * Spring WebFlux and WebClient on Reactor Netty, the HTTP baseline.
 */
package io.litemesh.benchmarks.webflux;
