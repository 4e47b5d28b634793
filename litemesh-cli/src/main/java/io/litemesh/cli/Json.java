/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CLI's JSON: payloads given on the command line, and what nodes answer, printed
 * compact (one line, for scripts and streams) or indented (for people). Numbers keep
 * their exact text ({@code 449.00} stays {@code 449.00}), so {@code --json} prints what
 * the node sent.
 *
 * @author LiteMesh team
 */
final class Json {

	/** The mapper of payloads, replies and the transient member's documents. */
	static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private Json() {
	}

	/**
	 * Read a node's answer.
	 * @param json the JSON bytes
	 * @param what whose answer, for the message when it is not JSON
	 * @return the answer
	 * @throws CommandFailure ({@code BAD_REPLY}) when the bytes are not JSON
	 */
	static JsonNode read(byte[] json, String what) {
		try {
			return MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			throw new CommandFailure("BAD_REPLY", what + " is not JSON: " + ex.getOriginalMessage());
		}
	}

	static JsonNode tree(Object value) {
		return MAPPER.valueToTree(value);
	}

	static String compact(JsonNode json) {
		return MAPPER.writeValueAsString(json);
	}

	static String pretty(JsonNode json) {
		return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json);
	}

	static byte[] bytes(JsonNode json) {
		return MAPPER.writeValueAsBytes(json);
	}

	/**
	 * Reads the {@code JSON} parameter, so that a payload that is not JSON is a usage
	 * error (exit status 2) before anything connects.
	 */
	static final class ArgumentConverter implements ITypeConverter<JsonNode> {

		@Override
		public JsonNode convert(String value) {
			try {
				JsonNode json = MAPPER.readTree(value);
				if (json != null && !json.isMissingNode()) {
					return json;
				}
			}
			catch (JacksonException ex) {
				// every payload is JSON, strings included: the usual slip is a bare word
				String hint = value.isBlank() || value.trim().startsWith("\"") || value.trim().startsWith("{")
						|| value.trim().startsWith("[") ? "" : "; a string needs JSON quotes, such as '\"Ada\"'";
				throw new TypeConversionException("'" + Tables.clean(Tables.shorten(value)) + "' is not JSON: "
						+ Tables.clean(Tables.shorten(ex.getOriginalMessage())) + hint);
			}
			throw new TypeConversionException("'" + Tables.clean(value) + "' is not JSON: it is empty");
		}

	}

}
