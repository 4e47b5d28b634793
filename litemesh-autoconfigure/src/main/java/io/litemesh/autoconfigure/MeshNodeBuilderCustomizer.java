/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import io.litemesh.MeshNode;

/**
 * Callback interface that can be implemented by beans wishing to customize the
 * {@link MeshNode.Builder} of the auto-configured {@link MeshNode} before the node is
 * built. Customizers run after the {@code litemesh.*} properties have been applied, in
 * the order of {@link org.springframework.core.Ordered} and
 * {@link org.springframework.core.annotation.Order &#64;Order}, so they may override any
 * of them.
 *
 * @author LiteMesh team
 */
@FunctionalInterface
public interface MeshNodeBuilderCustomizer {

	/**
	 * Customize the node builder.
	 * @param builder the builder to customize
	 */
	void customize(MeshNode.Builder builder);

}
