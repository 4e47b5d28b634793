/**
 * Read-only views of the mesh as one node sees it: what the Actuator endpoint, the health
 * indicator and applications read. Plain records with no behaviour of the engine.
 */
@NullMarked
package io.litemesh.view;

import org.jspecify.annotations.NullMarked;
