/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.discovery;

import java.util.List;

import io.litemesh.security.SharedSecret;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One multicast beacon as it crosses the wire: a small JSON object naming the cluster,
 * the node and the addresses it may be dialled at, with an HMAC of the cluster's secret
 * over all of them when the cluster has one.
 *
 * @param version the beacon format, {@value #VERSION}
 * @param cluster the sender's cluster
 * @param node the sender's node id
 * @param addresses the URIs the sender may be dialled at, such as {@code tcp://host:port}
 * @param time when it was sent, epoch milliseconds of the sender's clock
 * @param proof the HMAC over every other field, {@code null} without a secret
 * @author LiteMesh team
 */
record Beacon(int version, String cluster, String node, List<String> addresses, long time, @Nullable String proof) {

	/** The beacon format this node sends and reads. */
	static final int VERSION = 1;

	/** Largest beacon sent or read: one unfragmented datagram on any LAN. */
	static final int MAX_BYTES = 1024;

	/** Most addresses a beacon may carry. */
	static final int MAX_ADDRESSES = 8;

	private static final int MAX_TEXT = 255;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	/**
	 * Return a beacon signed with the secret, if any.
	 * @param cluster the cluster
	 * @param node the node id
	 * @param addresses the addresses
	 * @param time the sender's clock
	 * @param secret the cluster's secret, {@code null} for none
	 * @return the beacon
	 */
	static Beacon of(String cluster, String node, List<String> addresses, long time, @Nullable SharedSecret secret) {
		List<String> bounded = addresses.stream().limit(MAX_ADDRESSES).toList();
		String proof = (secret != null) ? secret.prove(signed(cluster, node, bounded, time)) : null;
		return new Beacon(VERSION, cluster, node, bounded, time, proof);
	}

	private static Object[] signed(String cluster, String node, List<String> addresses, long time) {
		// a label of its own, so a beacon's proof is never valid as another message's
		return new Object[] { "beacon", VERSION, cluster, node, String.join(",", addresses), time };
	}

	/**
	 * Return the beacon as the datagram's bytes.
	 * @return the JSON, at most {@link #MAX_BYTES}
	 * @throws IllegalStateException when the node's addresses do not fit
	 */
	byte[] encode() {
		byte[] bytes = MAPPER.writeValueAsBytes(this);
		if (bytes.length > MAX_BYTES) {
			throw new IllegalStateException("Beacon of node " + this.node + " is " + bytes.length + " bytes, more than "
					+ MAX_BYTES + "; its addresses are too long");
		}
		return bytes;
	}

	/**
	 * Read a beacon from a datagram, checking shape and bounds but not the proof.
	 * @param bytes the datagram's bytes, at most {@link #MAX_BYTES}
	 * @param length how many of them were received
	 * @return the beacon, {@code null} when malformed
	 */
	static @Nullable Beacon decode(byte[] bytes, int length) {
		try {
			Beacon beacon = MAPPER.readValue(bytes, 0, length, Beacon.class);
			return (beacon != null && beacon.wellFormed()) ? beacon : null;
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return null;
		}
	}

	private boolean wellFormed() {
		return this.version == VERSION && text(this.cluster) && text(this.node) && this.addresses != null
				&& !this.addresses.isEmpty() && this.addresses.size() <= MAX_ADDRESSES
				&& this.addresses.stream().allMatch(Beacon::dialable);
	}

	private static boolean text(@Nullable String value) {
		return value != null && !value.isBlank() && value.length() <= MAX_TEXT
				&& value.chars().allMatch((c) -> c > 0x20 && c < 0x7f);
	}

	private static boolean dialable(@Nullable String address) {
		// only what the TCP dialler can parse: tcp://host:port or tcp://[v6]:port
		return text(address) && address.matches("tcp://(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+):[0-9]{1,5}")
				&& Integer.parseInt(address.substring(address.lastIndexOf(':') + 1)) <= 65535;
	}

	/**
	 * Check the proof against the secret.
	 * @param secret the cluster's secret
	 * @return {@code true} when the beacon was signed with it
	 */
	boolean verify(SharedSecret secret) {
		return secret.verify(this.proof, signed(this.cluster, this.node, this.addresses, this.time));
	}

}
