/**
 * The inventory service of the demo, on a node that only the shared database reaches.
 */
@NullMarked
package io.litemesh.demo.inventory;

import org.jspecify.annotations.NullMarked;
