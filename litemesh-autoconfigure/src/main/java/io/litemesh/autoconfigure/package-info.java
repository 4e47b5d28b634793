/*
 * Copyright 2026 the LiteMesh authors.
 */

/**
 * Spring Boot auto-configuration for LiteMesh: the node, its properties, the
 * {@code MeshTemplate} bean, the discovery of {@code @MeshService} beans, and the
 * JDBC-table and shared-directory transports.
 */
@NullMarked
package io.litemesh.autoconfigure;

import org.jspecify.annotations.NullMarked;
