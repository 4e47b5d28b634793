/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate.ui;

import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * WebFlux {@link RouterFunction} that serves the {@link MeshGraphPage} at its path and
 * its scripts and styles below it.
 *
 * @author LiteMesh team
 */
public class ReactiveMeshGraphPageRouterFunction implements RouterFunction<ServerResponse> {

	private final RouterFunction<ServerResponse> delegate;

	/**
	 * Create a new router function.
	 * @param page the page to serve
	 */
	public ReactiveMeshGraphPageRouterFunction(MeshGraphPage page) {
		HandlerFunction<ServerResponse> render = (request) -> ServerResponse.ok()
			.contentType(MeshGraphPage.CONTENT_TYPE)
			.headers(page::addPageHeaders)
			.bodyValue(page.render(request.requestPath().contextPath().value()));
		this.delegate = RouterFunctions.route()
			.GET(page.getPath(), render)
			.GET(page.getPath() + "/", render)
			.add(RouterFunctions.resources(page.getAssetsPattern(), MeshGraphPage.ASSETS, page::addAssetHeaders))
			.build();
	}

	@Override
	public Mono<HandlerFunction<ServerResponse>> route(ServerRequest request) {
		return this.delegate.route(request);
	}

	@Override
	public void accept(RouterFunctions.Visitor visitor) {
		this.delegate.accept(visitor);
	}

}
