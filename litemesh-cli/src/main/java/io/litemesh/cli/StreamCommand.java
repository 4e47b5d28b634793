/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code litemesh stream SERVICE.ENDPOINT [JSON]}: request-stream from whichever node
 * offers the service; prints each element as JSON on a line of its own, until the stream
 * ends or Ctrl+C.
 * <p>
 * The elements are asked for in small batches as they are printed, so a slow terminal or
 * pipe slows the node down (back-pressure end to end) rather than filling memory here.
 * {@code --timeout} bounds the wait for the first element only: a stream may rightly run
 * for as long as it has something to say.
 *
 * @author LiteMesh team
 */
@Command(name = "stream", mixinStandardHelpOptions = true, sortOptions = false,
		description = "Request-stream: prints each element on a line of its own, until the end or Ctrl+C.")
final class StreamCommand extends MeshCommand {

	/** Elements asked for at a time, and so the most held here at once. */
	static final int BATCH = 32;

	@Parameters(index = "0", paramLabel = "SERVICE.ENDPOINT", converter = Route.Converter.class,
			description = "The route, such as pricing.priceFeed.")
	Route route;

	@Parameters(index = "1", arity = "0..1", paramLabel = "JSON", converter = Json.ArgumentConverter.class,
			description = "The payload, as JSON: a string needs its quotes, such as '\"sku-1\"'.")
	@Nullable JsonNode payload;

	@Override
	void run(MeshAccess mesh, Deadline deadline) {
		Flux<JsonNode> elements = mesh.stream(this.route, this.payload)
			.timeout(Mono.delay(deadline.remaining()), (element) -> Mono.never());
		PrintWriter out = out();
		try (Stream<JsonNode> lines = elements.toStream(BATCH)) {
			Iterator<JsonNode> iterator = lines.iterator();
			while (iterator.hasNext()) {
				out.println(Json.compact(iterator.next()));
				// a line as soon as it comes, also into a pipe
				out.flush();
				if (out.checkError()) {
					// the reader went away (head closed the pipe): closing the stream
					// cancels it at its source
					return;
				}
			}
		}
	}

}
