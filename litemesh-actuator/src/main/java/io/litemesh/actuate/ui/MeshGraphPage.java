/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.util.StreamUtils;
import org.springframework.web.util.HtmlUtils;

/**
 * The mesh graph page: an HTML page that draws the live mesh from the {@code mesh}
 * Actuator endpoint, with its scripts and styles, all of them in this jar. The page
 * fetches the endpoint itself, from the browser, so this class renders little more than
 * the URLs the page needs.
 *
 * @author LiteMesh team
 * @see ReactiveMeshGraphPageRouterFunction
 * @see ServletMeshGraphPageRouterFunction
 */
public class MeshGraphPage {

	/**
	 * Where the page's scripts and styles are on the class path.
	 */
	public static final Resource ASSETS = new ClassPathResource("io/litemesh/actuate/ui/assets/",
			MeshGraphPage.class.getClassLoader());

	/**
	 * Content type of the page, for both web stacks.
	 */
	public static final MediaType CONTENT_TYPE = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private static final String TEMPLATE = "io/litemesh/actuate/ui/mesh-graph.html";

	/**
	 * Content security policy of the page: its own scripts and the endpoint only, so that
	 * nothing a node advertises could run in the page even if it slipped past escaping.
	 * Inline styles stay allowed because the graph library sets a style attribute.
	 */
	private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
			+ "form-action 'none'";

	private final String path;

	private final String meshEndpointPath;

	private final String template;

	/**
	 * Create a new page.
	 * @param path the path of the page, such as {@code /litemesh}
	 * @param meshEndpointPath the path of the {@code mesh} endpoint, such as
	 * {@code /actuator/mesh}
	 */
	public MeshGraphPage(String path, String meshEndpointPath) {
		Assert.isTrue(path.startsWith("/") && path.length() > 1, "'path' must start with '/' and not be '/'");
		Assert.isTrue(meshEndpointPath.startsWith("/"), "'meshEndpointPath' must start with '/'");
		this.path = path;
		this.meshEndpointPath = meshEndpointPath;
		this.template = load(TEMPLATE);
	}

	private static String load(String location) {
		try (InputStream in = new ClassPathResource(location, MeshGraphPage.class.getClassLoader()).getInputStream()) {
			return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the mesh graph page from " + location, ex);
		}
	}

	/**
	 * Return the path of the page, relative to the application's context path.
	 * @return the path, such as {@code /litemesh}
	 */
	public String getPath() {
		return this.path;
	}

	/**
	 * Return the pattern of the paths the page's scripts and styles are served at.
	 * @return the pattern, such as {@code /litemesh/assets/**}
	 */
	public String getAssetsPattern() {
		return this.path + "/assets/**";
	}

	/**
	 * Render the page for a request.
	 * @param contextPath the context path of the request, {@code ""} for none
	 * @return the HTML of the page
	 */
	public String render(String contextPath) {
		return this.template.replace("{{assets}}", HtmlUtils.htmlEscape(contextPath + this.path + "/assets"))
			.replace("{{meshEndpoint}}", HtmlUtils.htmlEscape(contextPath + this.meshEndpointPath));
	}

	/**
	 * Add the headers of the page's response: the page shows live state, so it is never
	 * cached without revalidation, and it may run only its own scripts.
	 * @param headers the headers of the response
	 */
	public void addPageHeaders(HttpHeaders headers) {
		headers.setCacheControl(CacheControl.noStore());
		headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		headers.set("X-Content-Type-Options", "nosniff");
	}

	/**
	 * Add the headers of an asset's response: revalidated on every load, so that an
	 * upgraded jar never meets a stale script in the browser's cache.
	 * @param resource the asset
	 * @param headers the headers of the response
	 */
	public void addAssetHeaders(Resource resource, HttpHeaders headers) {
		headers.setCacheControl(CacheControl.noCache());
		headers.set("X-Content-Type-Options", "nosniff");
	}

}
