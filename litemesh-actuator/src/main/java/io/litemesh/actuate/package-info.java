/*
 * Copyright 2026 the LiteMesh authors.
 */

/**
 * Actuator support for LiteMesh: the {@code mesh} endpoint, health indicator and
 * Micrometer meters.
 */
@NullMarked
package io.litemesh.actuate;

import org.jspecify.annotations.NullMarked;
