/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code litemesh call SERVICE.ENDPOINT [JSON]}: request-response with whichever node
 * offers the service; prints the JSON reply, indented for people, on one line with
 * {@code --json}, and nothing when the endpoint returns nothing.
 *
 * @author LiteMesh team
 */
@Command(name = "call", mixinStandardHelpOptions = true, sortOptions = false,
		description = "Request-response: call the endpoint on a node that offers the service; prints the JSON reply.")
final class CallCommand extends MeshCommand {

	@Parameters(index = "0", paramLabel = "SERVICE.ENDPOINT", converter = Route.Converter.class,
			description = "The route, such as greeter.hello.")
	Route route;

	@Parameters(index = "1", arity = "0..1", paramLabel = "JSON", converter = Json.ArgumentConverter.class,
			description = "The payload, as JSON: a string needs its quotes, such as '\"Ada\"'.")
	@Nullable JsonNode payload;

	@Override
	void run(MeshAccess mesh, Deadline deadline) {
		JsonNode reply = mesh.call(this.route, this.payload);
		if (reply != null) {
			out().println(json() ? Json.compact(reply) : Json.pretty(reply));
		}
	}

}
