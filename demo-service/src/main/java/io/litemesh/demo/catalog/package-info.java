/**
 * The {@code catalog} service: products and their stock, offered by two nodes in two
 * regions.
 */
@NullMarked
package io.litemesh.demo.catalog;

import org.jspecify.annotations.NullMarked;
