/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.observation;

import io.litemesh.observation.MeshObservationDocumentation.HighCardinalityKeyNames;
import io.litemesh.observation.MeshObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValues;

/**
 * The key values both default conventions give a call.
 *
 * @author LiteMesh team
 */
final class MeshCallKeyValues {

	private MeshCallKeyValues() {
	}

	static KeyValues lowCardinality(MeshCallContext context) {
		String code = context.errorCode();
		String outcome = (code != null) ? "ERROR" : (context.cancelled() ? "CANCELLED" : "SUCCESS");
		return KeyValues.of(LowCardinalityKeyNames.SERVICE.withValue(context.service()),
				LowCardinalityKeyNames.ENDPOINT.withValue(context.endpoint()),
				LowCardinalityKeyNames.INTERACTION.withValue(context.interaction()),
				LowCardinalityKeyNames.OUTCOME.withValue(outcome),
				LowCardinalityKeyNames.ERROR_CODE.withValue((code != null) ? code : "none"));
	}

	static KeyValues highCardinality(MeshCallContext context) {
		String peer = context.peer();
		KeyValues values = KeyValues.of(HighCardinalityKeyNames.PEER.withValue((peer != null) ? peer : "unknown"));
		if (context instanceof MeshServerContext server) {
			values = values.and(HighCardinalityKeyNames.HOPS.withValue(Integer.toString(server.hops())));
		}
		return values;
	}

}
