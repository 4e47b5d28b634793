/*
 * Copyright 2026 the LiteMesh authors.
 */

/**
 * Spring Boot auto-configuration for LiteMesh: the node, its properties, the
 * {@code MeshTemplate} bean and the discovery of {@code @MeshService} beans.
 */
@NullMarked
package io.litemesh.autoconfigure;

import org.jspecify.annotations.NullMarked;
