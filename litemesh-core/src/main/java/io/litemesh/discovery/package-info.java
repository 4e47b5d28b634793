/**
 * Discovery: how a node hears of its first peers without seeds, by UDP multicast beacons
 * on a LAN.
 */
@NullMarked
package io.litemesh.discovery;

import org.jspecify.annotations.NullMarked;
