/*
 * Copyright 2026 the LiteMesh authors.
 */
/**
 * ScaleCube services as a system under comparison, in a module of its own that keeps
 * ScaleCube's dependency versions.
 */
package io.litemesh.benchmarks.scalecube;
