/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags {@code litemesh.client.requests}; implement it to replace the default.
 *
 * @author LiteMesh team
 */
public interface MeshClientObservationConvention extends ObservationConvention<MeshClientContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof MeshClientContext;
	}

}
