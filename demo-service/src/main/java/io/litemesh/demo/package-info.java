/**
 * LiteMesh demo: one Spring Boot application that runs a gateway and two catalogue nodes,
 * either all four in one JVM ({@link io.litemesh.demo.DemoMesh}) or one per JVM.
 */
@NullMarked
package io.litemesh.demo;

import org.jspecify.annotations.NullMarked;
