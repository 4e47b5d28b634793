/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.benchmarks.webflux;

import java.util.Map;

import io.litemesh.benchmarks.driver.EchoClient;
import io.litemesh.benchmarks.driver.EchoMessage;
import io.litemesh.benchmarks.driver.EchoSystem;
import io.netty.channel.ChannelOption;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

/**
 * Spring WebFlux on Reactor Netty, the HTTP baseline: a functional route
 * {@code POST /echo} that reads the JSON body into an {@link EchoMessage} and writes it
 * back (Spring's Jackson codecs), and a {@link WebClient} posting to it. The client's
 * connection pool allows as many connections as there are requests in flight, so HTTP/1.1
 * without pipelining does not cap the calls in flight below the other systems'.
 *
 * @author LiteMesh team
 */
public class WebFluxSystem implements EchoSystem {

	@Override
	public String startServer(Map<String, String> options) {
		RouterFunction<ServerResponse> route = RouterFunctions
			.route(POST("/echo"), (request) -> request.bodyToMono(EchoMessage.class)
				.flatMap((message) -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(message)));
		HttpHandler handler = RouterFunctions.toHttpHandler(route);
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.handle(new ReactorHttpHandlerAdapter(handler))
			.bindNow();
		return "http://127.0.0.1:" + server.port();
	}

	@Override
	public EchoClient connect(Map<String, String> options) {
		int connections = Integer.parseInt(options.getOrDefault("connections", "64"));
		ConnectionProvider pool = ConnectionProvider.builder("bench").maxConnections(connections).build();
		WebClient client = WebClient.builder()
			.baseUrl(EchoSystem.required(options, "server"))
			.clientConnector(
					new ReactorClientHttpConnector(HttpClient.create(pool).option(ChannelOption.TCP_NODELAY, true)))
			.build();
		return (request) -> client.post()
			.uri("/echo")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request)
			.retrieve()
			.bodyToMono(EchoMessage.class)
			.toFuture();
	}

}
