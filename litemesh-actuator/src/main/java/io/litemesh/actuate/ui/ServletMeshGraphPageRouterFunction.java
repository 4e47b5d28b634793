/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate.ui;

import java.util.Optional;

import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Spring MVC {@link RouterFunction} that serves the {@link MeshGraphPage} at its path and
 * its scripts and styles below it.
 *
 * @author LiteMesh team
 */
public class ServletMeshGraphPageRouterFunction implements RouterFunction<ServerResponse> {

	private final RouterFunction<ServerResponse> delegate;

	/**
	 * Create a new router function.
	 * @param page the page to serve
	 */
	public ServletMeshGraphPageRouterFunction(MeshGraphPage page) {
		HandlerFunction<ServerResponse> render = (request) -> ServerResponse.ok()
			.contentType(MeshGraphPage.CONTENT_TYPE)
			.headers(page::addPageHeaders)
			.body(page.render(request.requestPath().contextPath().value()));
		this.delegate = RouterFunctions.route()
			.GET(page.getPath(), render)
			.GET(page.getPath() + "/", render)
			.add(RouterFunctions.resources(page.getAssetsPattern(), MeshGraphPage.ASSETS, page::addAssetHeaders))
			.build();
	}

	@Override
	public Optional<HandlerFunction<ServerResponse>> route(ServerRequest request) {
		return this.delegate.route(request);
	}

	@Override
	public void accept(RouterFunctions.Visitor visitor) {
		this.delegate.accept(visitor);
	}

}
