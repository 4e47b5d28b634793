/**
 * Local dispatch: discovers the endpoints of service beans and invokes them with JSON
 * payloads.
 */
@NullMarked
package io.litemesh.invoke;

import org.jspecify.annotations.NullMarked;
