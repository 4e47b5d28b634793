/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.observation;

import io.litemesh.observation.MeshObservationDocumentation.HighCardinalityKeyNames;
import io.litemesh.observation.MeshObservationDocumentation.LowCardinalityKeyNames;
import io.litemesh.codec.RemoteError;
import io.micrometer.common.KeyValues;

/**
 * The key values both default conventions give a call.
 *
 * @author LiteMesh team
 */
final class MeshCallKeyValues {

	private static final String UNKNOWN = "UNKNOWN";

	private MeshCallKeyValues() {
	}

	static KeyValues lowCardinality(MeshCallContext context) {
		String code = context.errorCode();
		String outcome = (code != null) ? "ERROR" : (context.cancelled() ? "CANCELLED" : "SUCCESS");
		// a call a serving node has no endpoint for names what its sender chose: tagged
		// as it is, a peer could make this node's meters without bound
		boolean unknown = context instanceof MeshServerContext && RemoteError.CODE_NO_ROUTE.equals(code);
		return KeyValues.of(LowCardinalityKeyNames.SERVICE.withValue(unknown ? UNKNOWN : context.service()),
				LowCardinalityKeyNames.ENDPOINT.withValue(unknown ? UNKNOWN : context.endpoint()),
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
