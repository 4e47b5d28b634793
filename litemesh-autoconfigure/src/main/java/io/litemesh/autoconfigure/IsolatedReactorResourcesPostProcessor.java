/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Makes every {@link ReactorResourceFactory} own its event loops and connection pool
 * instead of Reactor Netty's global ones. Spring's default shares the global resources
 * and disposes them when its context closes, which kills the web servers and clients of
 * every other context in the JVM; several nodes in one JVM (tests, the demo) must stay
 * independent.
 *
 * @author LiteMesh team
 */
class IsolatedReactorResourcesPostProcessor implements BeanPostProcessor {

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		// before afterPropertiesSet, which is where the factory picks its resources
		if (bean instanceof ReactorResourceFactory factory) {
			factory.setUseGlobalResources(false);
		}
		return bean;
	}

}
