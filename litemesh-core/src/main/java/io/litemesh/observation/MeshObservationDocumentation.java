/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations LiteMesh makes, with their fixed names and keys (DESIGN.md section 5).
 * With Spring Boot's defaults each becomes a timer of the same name.
 *
 * @author LiteMesh team
 */
public enum MeshObservationDocumentation implements ObservationDocumentation {

	/**
	 * Every call a node makes: request, request-all, send and stream.
	 */
	CLIENT_REQUESTS {
		@Override
		public String getName() {
			return "litemesh.client.requests";
		}

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultMeshClientObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}
	},

	/**
	 * Every call a local bean serves; relays add none.
	 */
	SERVER_REQUESTS {
		@Override
		public String getName() {
			return "litemesh.server.requests";
		}

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultMeshServerObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}
	};

	/**
	 * Keys with few values, so they can tag meters.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/** The service called. */
		SERVICE {
			@Override
			public String asString() {
				return "service";
			}
		},

		/** The endpoint called. */
		ENDPOINT {
			@Override
			public String asString() {
				return "endpoint";
			}
		},

		/** {@code request}, {@code request-all}, {@code send} or {@code stream}. */
		INTERACTION {
			@Override
			public String asString() {
				return "interaction";
			}
		},

		/** {@code SUCCESS}, {@code ERROR} or {@code CANCELLED}. */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/**
		 * The error code of a failed call ({@code NO_ROUTE}, ...), {@code none}
		 * otherwise.
		 */
		ERROR_CODE {
			@Override
			public String asString() {
				return "error.code";
			}
		}

	}

	/**
	 * Keys with many values, for spans only.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/** The other node: the one called, or the caller. */
		PEER {
			@Override
			public String asString() {
				return "litemesh.peer";
			}
		},

		/** Hops the call took to the serving node, on the server side. */
		HOPS {
			@Override
			public String asString() {
				return "litemesh.hops";
			}
		}

	}

}
