/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.codec;

import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.CancellationException;

import io.litemesh.MeshAccessDeniedException;
import io.litemesh.MeshException;
import io.litemesh.MeshTimeoutException;
import io.litemesh.NoRouteException;
import io.litemesh.PayloadTooLargeException;
import io.litemesh.RemoteServiceException;
import io.rsocket.exceptions.ApplicationErrorException;
import io.rsocket.exceptions.ConnectionCloseException;
import io.rsocket.exceptions.ConnectionErrorException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * An error as it crosses the wire: the message of an RSocket {@code APPLICATION_ERROR}
 * frame is this record as JSON, readable by any client. Both directions live here so that
 * a local call and a remote call fail with identical exceptions.
 *
 * @param code what kind of failure: one of the {@code CODE_*} constants
 * @param type the class name of what the endpoint threw, for {@link #CODE_REMOTE}
 * @param message what was asked, of whom, and what went wrong
 * @author LiteMesh team
 */
public record RemoteError(String code, String type, String message) {

	/** The endpoint threw. */
	public static final String CODE_REMOTE = "REMOTE";

	/** No node, service or endpoint as asked; or the hop limit was reached. */
	public static final String CODE_NO_ROUTE = "NO_ROUTE";

	/** The payload did not map to the endpoint's parameter. */
	public static final String CODE_BAD_PAYLOAD = "BAD_PAYLOAD";

	/** A frame or payload exceeded the size limit. */
	public static final String CODE_TOO_LARGE = "TOO_LARGE";

	/** Access rules refused the caller. */
	public static final String CODE_DENIED = "DENIED";

	/** A node further down the path timed out. */
	public static final String CODE_TIMEOUT = "TIMEOUT";

	/** The request was malformed. */
	public static final String CODE_BAD_REQUEST = "BAD_REQUEST";

	private static final Set<String> KNOWN_CODES = Set.of(CODE_REMOTE, CODE_NO_ROUTE, CODE_BAD_PAYLOAD, CODE_TOO_LARGE,
			CODE_DENIED, CODE_TIMEOUT, CODE_BAD_REQUEST);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	/**
	 * Describe a failure on the serving side.
	 * @param failure what went wrong while serving the call
	 * @param what the call, as {@code service.endpoint on node}, for the message
	 * @return the error to send
	 */
	public static RemoteError of(Throwable failure, String what) {
		if (failure instanceof ApplicationErrorException applicationError) {
			RemoteError relayed = parse(applicationError.getMessage());
			if (relayed != null) {
				return relayed;
			}
		}
		if (failure instanceof Relayed relayed) {
			// an error that came over the wire goes on as it came, code included
			return relayed.error;
		}
		if (failure instanceof RemoteServiceException remote) {
			return new RemoteError(CODE_REMOTE, remote.remoteType(), message(failure));
		}
		if (failure instanceof NoRouteException) {
			return new RemoteError(CODE_NO_ROUTE, failure.getClass().getName(), message(failure));
		}
		if (failure instanceof PayloadTooLargeException) {
			return new RemoteError(CODE_TOO_LARGE, failure.getClass().getName(), message(failure));
		}
		if (failure instanceof MeshAccessDeniedException) {
			return new RemoteError(CODE_DENIED, failure.getClass().getName(), message(failure));
		}
		if (failure instanceof MeshTimeoutException) {
			return new RemoteError(CODE_TIMEOUT, failure.getClass().getName(), message(failure));
		}
		if (failure instanceof MalformedEnvelopeException) {
			return new RemoteError(CODE_BAD_REQUEST, failure.getClass().getName(), message(failure));
		}
		if (failure instanceof PayloadMappingException) {
			return new RemoteError(CODE_BAD_PAYLOAD, IllegalArgumentException.class.getName(), message(failure));
		}
		return new RemoteError(CODE_REMOTE, failure.getClass().getName(),
				what + " failed: " + failure.getClass().getSimpleName() + ": " + message(failure));
	}

	/**
	 * Return the code of a failure for meters and observations: one of the {@code CODE_*}
	 * constants, so a peer that sends codes of its own cannot add tag values without
	 * bound.
	 * @param failure the failure
	 * @return its code, {@link #CODE_REMOTE} for a code this node does not know
	 */
	public static String knownCode(Throwable failure) {
		String code = of(failure, "").code();
		return KNOWN_CODES.contains(code) ? code : CODE_REMOTE;
	}

	/**
	 * Return the exception a caller sees for this error.
	 * @return the exception
	 */
	public MeshException toException() {
		return switch (this.code) {
			case CODE_NO_ROUTE -> new NoRouteException(this.message);
			case CODE_TOO_LARGE -> new PayloadTooLargeException(this.message);
			case CODE_DENIED -> new MeshAccessDeniedException(this.message);
			case CODE_TIMEOUT -> new MeshTimeoutException(this.message);
			default -> new Relayed(this);
		};
	}

	/**
	 * Render as the JSON message of an error frame.
	 * @return the JSON text
	 */
	public String toJson() {
		return MAPPER.writeValueAsString(this);
	}

	/**
	 * Map any failure of a call into the exception its caller sees: an error frame from
	 * the wire, a lost connection, or a failure of a local endpoint alike.
	 * @param failure the failure
	 * @param what the call, for messages
	 * @return the exception for the caller
	 */
	public static Throwable toCallerException(Throwable failure, String what) {
		if (failure instanceof MeshException) {
			return failure;
		}
		if (failure instanceof ApplicationErrorException applicationError) {
			RemoteError error = parse(applicationError.getMessage());
			if (error != null) {
				return error.toException();
			}
		}
		if (isConnectionLoss(failure)) {
			return new NoRouteException("Link lost while calling " + what + "; the node may have failed", failure);
		}
		return of(failure, what).toException();
	}

	/**
	 * Map any failure of a call this node serves or relays into the error frame it
	 * answers with; a frame that came from further down the path goes on unchanged.
	 * @param failure the failure
	 * @param what the call, for messages
	 * @return the error frame
	 */
	public static ApplicationErrorException toErrorFrame(Throwable failure, String what) {
		if (failure instanceof ApplicationErrorException applicationError) {
			return applicationError;
		}
		if (isConnectionLoss(failure)) {
			failure = new NoRouteException("Link lost while relaying " + what, failure);
		}
		return new ApplicationErrorException(of(failure, what).toJson());
	}

	private static boolean isConnectionLoss(Throwable failure) {
		return failure instanceof ClosedChannelException || failure instanceof ConnectionCloseException
				|| failure instanceof ConnectionErrorException || failure instanceof CancellationException;
	}

	/**
	 * Parse the message of an error frame.
	 * @param message the message, JSON when a LiteMesh node sent it
	 * @return the error, or {@code null} when the message is not a LiteMesh error
	 */
	public static @Nullable RemoteError parse(@Nullable String message) {
		if (message == null || !message.startsWith("{")) {
			return null;
		}
		try {
			RemoteError error = MAPPER.readValue(message, RemoteError.class);
			return (error.code() != null && error.message() != null) ? error : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String message(Throwable failure) {
		return (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getSimpleName();
	}

	/**
	 * What a caller sees of an endpoint failure, a bad payload or a bad request: keeps
	 * the error it came from, so a relay or a gateway passes the same code on.
	 */
	private static final class Relayed extends RemoteServiceException {

		private final RemoteError error;

		Relayed(RemoteError error) {
			super(error.message(), error.type());
			this.error = error;
		}

	}

}
