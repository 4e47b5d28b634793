/*
 * Copyright 2026 the LiteMesh authors.
 */
/**
 * JGroups RpcDispatcher over TCP, as its own UPerf benchmark uses it.
 */
package io.litemesh.benchmarks.jgroups;
