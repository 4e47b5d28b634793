/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.codec;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Thrown when the JSON payload of a call does not map to the payload parameter of the
 * endpoint. The message names the endpoint, the expected type and the reason, but never
 * quotes the payload: payloads may carry personal data and the message ends up in logs
 * and in the reply to the caller.
 *
 * @author LiteMesh team
 */
public final class PayloadMappingException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String endpoint;

	private final String expectedType;

	/**
	 * Create a new exception.
	 * @param endpoint the endpoint, as {@code service.endpoint}
	 * @param expectedType the type the payload should have mapped to
	 * @param reason why it did not, without payload content
	 * @param cause the underlying exception, if any
	 */
	public PayloadMappingException(String endpoint, String expectedType, String reason, @Nullable Throwable cause) {
		super("Payload of endpoint " + endpoint + " does not map to " + expectedType + ": " + reason, cause);
		this.endpoint = endpoint;
		this.expectedType = expectedType;
	}

	/**
	 * Return the endpoint whose payload did not map, as {@code service.endpoint}.
	 * @return the endpoint
	 */
	public String getEndpoint() {
		return this.endpoint;
	}

	/**
	 * Return the type the payload should have mapped to.
	 * @return the expected type
	 */
	public String getExpectedType() {
		return this.expectedType;
	}

	/**
	 * Describe a Jackson failure without quoting the input. Jackson's own messages quote
	 * offending values ({@code from String "..."}), so the reason is rebuilt from the
	 * exception's type, the path into the payload and the position in the JSON.
	 * @param ex the Jackson failure
	 * @return a short reason
	 */
	public static String reason(JacksonException ex) {
		String reason;
		if (ex instanceof PropertyBindingException binding) {
			reason = "unknown property '" + binding.getPropertyName() + "'";
		}
		else if (ex instanceof InvalidFormatException format) {
			reason = "value is not a valid " + simpleName(format.getTargetType());
		}
		else if (ex instanceof MismatchedInputException mismatch) {
			reason = "cannot map " + describe(mismatch) + " to " + simpleName(mismatch.getTargetType());
		}
		else if (ex instanceof InputCoercionException) {
			reason = "number out of range";
		}
		else if (ex instanceof UnexpectedEndOfInputException) {
			reason = "JSON ends early";
		}
		else if (ex instanceof StreamReadException) {
			reason = "malformed JSON" + position(ex.getLocation());
		}
		else {
			reason = ex.getClass().getSimpleName();
		}
		String path = path(ex.getPath());
		return path.isEmpty() ? reason : reason + " at " + path;
	}

	private static String describe(MismatchedInputException ex) {
		// The token says which kind of JSON value arrived (never the value itself)
		if (ex.getCurrentToken() == null) {
			return "JSON input";
		}
		return switch (ex.getCurrentToken()) {
			case START_ARRAY, END_ARRAY -> "JSON array";
			case START_OBJECT, END_OBJECT, PROPERTY_NAME -> "JSON object";
			case VALUE_STRING -> "JSON string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "JSON number";
			case VALUE_TRUE, VALUE_FALSE -> "JSON boolean";
			case VALUE_NULL -> "JSON null";
			default -> "JSON input";
		};
	}

	private static String simpleName(@Nullable Class<?> type) {
		return (type != null) ? type.getSimpleName() : "the expected type";
	}

	private static String position(@Nullable TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 0) {
			return "";
		}
		return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
	}

	private static String path(List<JacksonException.Reference> references) {
		if (references.isEmpty()) {
			return "";
		}
		StringBuilder path = new StringBuilder("$");
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				path.append('.').append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

}
