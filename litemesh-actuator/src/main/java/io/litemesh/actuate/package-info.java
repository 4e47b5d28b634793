/*
 * Copyright 2026 the LiteMesh authors.
 */

/**
 * Actuator support for LiteMesh: the {@code mesh} endpoint and health indicator.
 */
@NullMarked
package io.litemesh.actuate;

import org.jspecify.annotations.NullMarked;
