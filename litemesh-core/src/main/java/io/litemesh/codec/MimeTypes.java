/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.codec;

/**
 * The MIME types LiteMesh uses in RSocket SETUP frames.
 *
 * @author LiteMesh team
 */
public final class MimeTypes {

	/**
	 * Metadata MIME type of a connection between two nodes: every frame carries an
	 * {@link Envelope}.
	 */
	public static final String ENVELOPE = "application/x.litemesh.envelope.v1";

	/** Data MIME type of every payload. */
	public static final String JSON = "application/json";

	/** Metadata MIME type plain RSocket clients use: composite metadata with a route. */
	public static final String COMPOSITE = "message/x.rsocket.composite-metadata.v0";

	/** Metadata MIME type of a bare route, also accepted from plain clients. */
	public static final String ROUTING = "message/x.rsocket.routing.v0";

	private MimeTypes() {
	}

}
