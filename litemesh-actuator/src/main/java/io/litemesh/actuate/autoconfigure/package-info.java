/*
 * Copyright 2026 the LiteMesh authors.
 */

/**
 * Auto-configuration of the LiteMesh Actuator endpoint, health indicator, metrics and
 * mesh graph page.
 */
@NullMarked
package io.litemesh.actuate.autoconfigure;

import org.jspecify.annotations.NullMarked;
