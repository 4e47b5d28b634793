/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags {@code litemesh.server.requests}; implement it to replace the default.
 *
 * @author LiteMesh team
 */
public interface MeshServerObservationConvention extends ObservationConvention<MeshServerContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof MeshServerContext;
	}

}
