/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.codec;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps payloads to and from JSON with the application's Jackson mapper. An empty byte
 * array stands for "no value" ({@code null}), so {@code void} endpoints and {@code null}
 * payloads cost nothing on the wire.
 *
 * @author LiteMesh team
 */
public final class JsonCodec {

	private static final byte[] EMPTY = new byte[0];

	/**
	 * Most reflective types whose Jackson type is kept; past it they are resolved anew.
	 */
	private static final int MAX_CACHED_TYPES = 1024;

	private final ObjectMapper mapper;

	private final Map<Type, JavaType> types = new ConcurrentHashMap<>();

	/**
	 * Create a codec with a default {@link JsonMapper}.
	 */
	public JsonCodec() {
		this(JsonMapper.builder().findAndAddModules().build());
	}

	/**
	 * Create a codec with the given mapper.
	 * @param mapper the mapper, typically the application's own
	 */
	public JsonCodec(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Return the mapper this codec uses.
	 * @return the mapper
	 */
	public ObjectMapper mapper() {
		return this.mapper;
	}

	/**
	 * Encode a value as JSON.
	 * @param value the value, {@code null} for none
	 * @return the JSON bytes, empty for {@code null}
	 */
	public byte[] encode(@Nullable Object value) {
		return (value != null) ? this.mapper.writeValueAsBytes(value) : EMPTY;
	}

	/**
	 * Decode JSON into a value of the given type.
	 * @param json the JSON bytes, empty for none
	 * @param type the target type
	 * @param <T> the target type
	 * @return the value, {@code null} for empty input or JSON {@code null}
	 * @throws JacksonException when the JSON does not map to the type
	 */
	public <T> @Nullable T decode(byte[] json, JavaType type) {
		if (json.length == 0) {
			return null;
		}
		return this.mapper.readValue(json, type);
	}

	/**
	 * Decode JSON into a value of the given class.
	 * @param json the JSON bytes, empty for none
	 * @param type the target class
	 * @param <T> the target type
	 * @return the value, {@code null} for empty input or JSON {@code null}
	 */
	public <T> @Nullable T decode(byte[] json, Class<T> type) {
		return decode(json, javaType(type));
	}

	/**
	 * Resolve a reflective type into a Jackson type.
	 * @param type the type, generic or not
	 * @return the Jackson type
	 */
	public JavaType javaType(Type type) {
		// resolved once per type: applications call with a handful of reply types, and
		// resolving costs more than the rest of encoding a small payload
		JavaType cached = this.types.get(type);
		if (cached != null) {
			return cached;
		}
		JavaType resolved = this.mapper.getTypeFactory().constructType(type);
		if (this.types.size() < MAX_CACHED_TYPES) {
			this.types.put(type, resolved);
		}
		return resolved;
	}

	/**
	 * Copy JSON into a pooled direct buffer, the kind a socket writes from: a frame with
	 * a heap part is copied whole before every write, through a temporary heap buffer.
	 * @param json the bytes
	 * @return a new buffer the caller owns
	 */
	public static ByteBuf direct(byte[] json) {
		return ByteBufAllocator.DEFAULT.directBuffer(json.length).writeBytes(json);
	}

}
