/*
 * Copyright 2026 the LiteMesh authors.
 */
/**
 * LiteMesh side by side with other systems, each in JVMs of its own on loopback: the
 * runner, the scenarios it runs and the report it writes.
 */
package io.litemesh.benchmarks;
