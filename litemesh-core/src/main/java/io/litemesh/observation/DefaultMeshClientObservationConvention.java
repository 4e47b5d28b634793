/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.observation;

import io.micrometer.common.KeyValues;

/**
 * The default {@link MeshClientObservationConvention}: {@code litemesh.client.requests}
 * tagged with service, endpoint, interaction, outcome and error code.
 *
 * @author LiteMesh team
 */
public class DefaultMeshClientObservationConvention implements MeshClientObservationConvention {

	@Override
	public String getName() {
		return MeshObservationDocumentation.CLIENT_REQUESTS.getName();
	}

	@Override
	public String getContextualName(MeshClientContext context) {
		return "call " + context.service() + "." + context.endpoint();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(MeshClientContext context) {
		return MeshCallKeyValues.lowCardinality(context);
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(MeshClientContext context) {
		return MeshCallKeyValues.highCardinality(context);
	}

}
