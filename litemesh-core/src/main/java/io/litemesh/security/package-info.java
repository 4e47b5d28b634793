/**
 * Security: proof of the cluster's shared secret when nodes connect.
 */
@NullMarked
package io.litemesh.security;

import org.jspecify.annotations.NullMarked;
