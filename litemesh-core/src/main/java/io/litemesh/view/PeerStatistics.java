/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.view;

import java.time.Duration;
import java.util.Map;

/**
 * What one node sees of its traffic with another: for meters that come and go with the
 * peer.
 *
 * @param nodeId the other node
 * @param inFlight requests and streams from this node to it that have not ended
 * @param errors failed calls from this node to it, by error code ({@code NO_ROUTE},
 * {@code TIMEOUT}, ...)
 * @param roundTrips the last measured round trip of each TCP link to it, by transport;
 * empty unless it is a TCP neighbour
 * @author LiteMesh team
 */
public record PeerStatistics(String nodeId, int inFlight, Map<String, Long> errors, Map<String, Duration> roundTrips) {

}
