/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.membership;

import java.util.List;
import java.util.Map;

import io.litemesh.MutationFuzzer;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the digest a new neighbour sends: it is taken whole, with a node name in every
 * entry and within the bound, or dropped. See {@link MutationFuzzer}.
 */
class DigestFuzzTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final TypeReference<List<DigestEntry>> DIGEST = new TypeReference<>() {
	};

	@Test
	void digestIsTakenWholeOrDropped() {
		List<byte[]> seeds = List.of(
				MAPPER.writeValueAsBytes(List.of(new DigestEntry("a", 1, 2), new DigestEntry("b", 1795327655201L, 9))),
				MutationFuzzer.utf8("[]"), MutationFuzzer.utf8("null"), MutationFuzzer.utf8("[null]"),
				MutationFuzzer.utf8("[{\"nodeId\":\"\",\"incarnation\":1,\"sequence\":1}]"));
		long cases = MutationFuzzer.fuzz("DigestEntry.parse", seeds, DigestFuzzTests::parse);
		assertThat(cases).isPositive();
	}

	@Test
	void aDigestBeyondTheBoundIsDropped() {
		assertThat(DigestEntry.parse(List.of(new DigestEntry("a", 1, 1), new DigestEntry("b", 1, 1)), 1)).isNull();
		assertThat(DigestEntry.parse(List.of(new DigestEntry("a", 1, 1)), 1)).containsOnlyKeys("a");
	}

	private static boolean parse(byte[] input) {
		List<DigestEntry> digest;
		try {
			digest = MAPPER.readValue(input, DIGEST);
		}
		catch (JacksonException ex) {
			return false;
		}
		Map<String, DigestEntry> held = DigestEntry.parse(digest, 100);
		if (held == null) {
			return false;
		}
		assertThat(held.keySet()).allSatisfy((id) -> assertThat(id).isNotBlank().hasSizeLessThanOrEqualTo(256));
		assertThat(held.values()).allSatisfy((entry) -> assertThat(entry.nodeId()).isNotNull());
		return true;
	}

}
