/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import io.litemesh.MeshException;

/**
 * Thrown when a {@link io.litemesh.MeshService @MeshService} bean cannot be offered to
 * the mesh, for example because another bean offers a service of the same name or because
 * its endpoints break the rules.
 *
 * @author LiteMesh team
 */
public class MeshServiceRegistrationException extends MeshException {

	private final String beanName;

	private final Class<?> beanType;

	/**
	 * Create a new exception.
	 * @param beanName the name of the bean
	 * @param beanType the type of the bean
	 * @param cause why the node refused the service
	 */
	public MeshServiceRegistrationException(String beanName, Class<?> beanType, RuntimeException cause) {
		super("Bean '" + beanName + "' of type " + beanType.getName() + " could not be offered as a mesh service: "
				+ cause.getMessage(), cause);
		this.beanName = beanName;
		this.beanType = beanType;
	}

	/**
	 * Return the name of the bean that could not be offered.
	 * @return the bean name
	 */
	public String getBeanName() {
		return this.beanName;
	}

	/**
	 * Return the type of the bean that could not be offered.
	 * @return the bean type
	 */
	public Class<?> getBeanType() {
		return this.beanType;
	}

}
