/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * Marks a bean whose public methods are endpoints that other nodes of the mesh can call.
 * <p>
 * A {@code @MeshService} class is a {@link Component} stereotype: a scanned class is both
 * a bean and a service, and a {@code @Bean} whose class carries the annotation counts
 * too. Every public method the class declares or inherits (short of {@link Object} and of
 * Spring and JDK callback interfaces) is an endpoint named after the method. An endpoint
 * takes at most one payload parameter and optionally a {@link MeshContext}, and returns a
 * value, {@code void}, {@code Mono}, {@code CompletionStage} or {@code Flux}.
 *
 * @author LiteMesh team
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface MeshService {

	/**
	 * Alias for {@link #name()}.
	 * @return the service name
	 */
	@AliasFor("name")
	String value() default "";

	/**
	 * Name of the service; defaults to the bean name. Deliberately not aliased to
	 * {@link Component#value()}: the service name is not the bean name.
	 * @return the service name
	 */
	@AliasFor("value")
	String name() default "";

	/**
	 * Version of the service, advertised to the mesh; empty when unset.
	 * @return the version
	 */
	String version() default "";

	/**
	 * Tags as {@code key=value} pairs, matched by {@link io.litemesh.Target#withTag}.
	 * @return the tags
	 */
	String[] tags() default {};

}
