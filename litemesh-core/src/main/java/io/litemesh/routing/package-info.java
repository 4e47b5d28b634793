/**
 * Routing: least-cost paths over the link-state graph, provider selection, and the
 * dispatch of calls to links or local beans.
 */
@NullMarked
package io.litemesh.routing;

import org.jspecify.annotations.NullMarked;
