/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code litemesh send SERVICE.ENDPOINT [JSON]}: fire-and-forget to whichever node offers
 * the service; prints nothing.
 *
 * @author LiteMesh team
 */
@Command(name = "send", mixinStandardHelpOptions = true, sortOptions = false,
		description = "Fire-and-forget: send to the endpoint on a node that offers the service; prints nothing.")
final class SendCommand extends MeshCommand {

	@Parameters(index = "0", paramLabel = "SERVICE.ENDPOINT", converter = Route.Converter.class,
			description = "The route, such as greeter.note.")
	Route route;

	@Parameters(index = "1", arity = "0..1", paramLabel = "JSON", converter = Json.ArgumentConverter.class,
			description = "The payload, as JSON: a string needs its quotes, such as '\"Ada\"'.")
	@Nullable JsonNode payload;

	@Override
	void run(MeshAccess mesh, Deadline deadline) {
		mesh.send(this.route, this.payload);
	}

}
