/*
 * Copyright 2026 the LiteMesh authors.
 */
/**
 * LiteMesh as a system under comparison, through its public API.
 */
package io.litemesh.benchmarks.litemesh;
