/**
 * The {@code pricing} service: quotes and a live price feed, and the interface its
 * callers share with it.
 */
@NullMarked
package io.litemesh.demo.pricing;

import org.jspecify.annotations.NullMarked;
