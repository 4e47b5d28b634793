/**
 * The gateway: an HTTP API that answers by calling the mesh's services.
 */
@NullMarked
package io.litemesh.demo.gateway;

import org.jspecify.annotations.NullMarked;
