/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * {@link AbstractFailureAnalyzer} for a {@link io.litemesh.MeshService @MeshService} bean
 * that the node refused: two services of one name, overloaded endpoints, and the like.
 *
 * @author LiteMesh team
 */
class MeshServiceRegistrationFailureAnalyzer extends AbstractFailureAnalyzer<MeshServiceRegistrationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MeshServiceRegistrationException cause) {
		String reason = (cause.getCause() != null) ? cause.getCause().getMessage() : cause.getMessage();
		String description = String.format("LiteMesh could not offer bean '%s' of type %s as a mesh service:%n%n    %s",
				cause.getBeanName(), cause.getBeanType().getName(), reason);
		String action = String.format("Give each @MeshService bean of this application a service name of its own "
				+ "(@MeshService(name = \"...\"); it defaults to the bean name), declare at most one public method "
				+ "of each name in %s, and give each of them at most one payload parameter besides an optional "
				+ "MeshContext.", cause.getBeanType().getSimpleName());
		return new FailureAnalysis(description, action, cause);
	}

}
