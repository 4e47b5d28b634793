/**
 * The link abstraction every transport presents: an RSocket to a neighbour, whatever
 * carries it.
 */
@NullMarked
package io.litemesh.transport;

import org.jspecify.annotations.NullMarked;
