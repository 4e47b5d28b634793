/*
 * Copyright 2026 the LiteMesh authors.
 */

/**
 * The mesh graph page: an HTML page that draws the {@code mesh} Actuator endpoint as a
 * live graph, served by WebFlux or Spring MVC.
 */
@NullMarked
package io.litemesh.actuate.ui;

import org.jspecify.annotations.NullMarked;
