/*
 * Copyright 2026 the LiteMesh authors.
 */

/**
 * Auto-configuration of the LiteMesh Actuator endpoint and health indicator.
 */
@NullMarked
package io.litemesh.actuate.autoconfigure;

import org.jspecify.annotations.NullMarked;
