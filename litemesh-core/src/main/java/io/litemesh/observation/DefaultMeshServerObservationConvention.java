/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.observation;

import io.micrometer.common.KeyValues;

/**
 * The default {@link MeshServerObservationConvention}: {@code litemesh.server.requests}
 * tagged with service, endpoint, interaction, outcome and error code.
 *
 * @author LiteMesh team
 */
public class DefaultMeshServerObservationConvention implements MeshServerObservationConvention {

	@Override
	public String getName() {
		return MeshObservationDocumentation.SERVER_REQUESTS.getName();
	}

	@Override
	public String getContextualName(MeshServerContext context) {
		return "serve " + context.service() + "." + context.endpoint();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(MeshServerContext context) {
		return MeshCallKeyValues.lowCardinality(context);
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(MeshServerContext context) {
		return MeshCallKeyValues.highCardinality(context);
	}

}
