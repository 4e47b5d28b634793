/*
 * Copyright 2026 the LiteMesh authors.
 */
/**
 * The part of the benchmarks every child JVM runs, whatever the system: the child's main
 * class, the load driver and the echoed message. Plain JDK only, so the ScaleCube module,
 * which keeps its own dependency versions, compiles it too.
 */
package io.litemesh.benchmarks.driver;
