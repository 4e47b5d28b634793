/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate.autoconfigure;

import io.litemesh.MeshTemplate;
import io.litemesh.Target;
import io.litemesh.autoconfigure.LiteMeshAutoConfiguration;
import io.litemesh.observation.MeshClientContext;
import io.litemesh.observation.MeshClientObservationConvention;
import io.litemesh.observation.MeshObservations;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MeshObservationAutoConfiguration}.
 *
 * @author LiteMesh team
 */
class MeshObservationAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(LiteMeshAutoConfiguration.class, MeshObservationAutoConfiguration.class))
		.withPropertyValues("litemesh.tcp.port=0");

	@Test
	void withoutARegistryNothingIsObserved() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MeshObservations.class));
	}

	@Test
	void callsAreObservedInTheApplicationsRegistryWithItsConvention() {
		ObservationRegistry registry = ObservationRegistry.create();
		RecordingHandler handler = new RecordingHandler();
		registry.observationConfig().observationHandler(handler);
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry)
			.withBean(MeshClientObservationConvention.class, () -> new NamedConvention())
			.run((context) -> {
				assertThat(context).hasSingleBean(MeshObservations.class);
				MeshTemplate template = context.getBean(MeshTemplate.class);
				assertThatExceptionOfType(RuntimeException.class)
					.isThrownBy(() -> template.request(Target.anycast("nobody"), "x", null, String.class).block());
				assertThat(handler.stopped).isNotNull();
				assertThat(handler.stopped.getName()).isEqualTo("custom.calls");
				assertThat(handler.stopped.getLowCardinalityKeyValue("error.code").getValue()).isEqualTo("NO_ROUTE");
			});
	}

	@Test
	void userObservationsBackOff() {
		this.contextRunner.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.withBean("meshObservations", MeshObservations.class, () -> MeshObservations.NONE)
			.run((context) -> assertThat(context.getBean(MeshObservations.class)).isSameAs(MeshObservations.NONE));
	}

	static class NamedConvention implements MeshClientObservationConvention {

		@Override
		public String getName() {
			return "custom.calls";
		}

		@Override
		public KeyValues getLowCardinalityKeyValues(MeshClientContext context) {
			return KeyValues.of("error.code", String.valueOf(context.errorCode()));
		}

	}

	static class RecordingHandler implements ObservationHandler<Observation.Context> {

		volatile Observation.Context stopped;

		@Override
		public void onStop(Observation.Context context) {
			this.stopped = context;
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
