/**
 * LiteMesh public API: {@link io.litemesh.MeshService}, {@link io.litemesh.MeshTemplate},
 * {@link io.litemesh.Target} and the exceptions a caller may see.
 */
@NullMarked
package io.litemesh;

import org.jspecify.annotations.NullMarked;
