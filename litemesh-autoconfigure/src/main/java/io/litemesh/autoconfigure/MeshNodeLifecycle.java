/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.autoconfigure;

import io.litemesh.MeshNode;
import io.litemesh.MeshService;

import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.SmartLifecycle;

/**
 * {@link SmartLifecycle} that offers every {@link MeshService @MeshService} bean to the
 * mesh and then starts the {@link MeshNode}, and that stops the node (a graceful leave)
 * when the context closes.
 * <p>
 * Services are looked up when the lifecycle starts, not when the node is created, so a
 * service may inject {@link io.litemesh.MeshTemplate} (which needs the node) without a
 * dependency cycle.
 * <p>
 * The lifecycle runs in {@link #PHASE}, after the web server has started and before it
 * shuts down gracefully: the node announces its services only once the application can
 * answer HTTP too (readiness), and on shutdown it leaves the mesh first, so that peers
 * stop routing new requests here while in-flight HTTP requests still drain.
 *
 * @author LiteMesh team
 */
public class MeshNodeLifecycle implements SmartLifecycle {

	/**
	 * Phase of the lifecycle. The web server starts and stops at
	 * {@code DEFAULT_PHASE - 2048} and shuts down gracefully at
	 * {@code DEFAULT_PHASE - 1024}; a higher phase starts later and stops earlier.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

	private final MeshNode node;

	private final ListableBeanFactory beanFactory;

	private boolean servicesRegistered;

	private volatile boolean running;

	/**
	 * Create a new lifecycle.
	 * @param node the node to start and stop
	 * @param beanFactory the bean factory to find {@code @MeshService} beans in
	 */
	public MeshNodeLifecycle(MeshNode node, ListableBeanFactory beanFactory) {
		this.node = node;
		this.beanFactory = beanFactory;
	}

	@Override
	public void start() {
		if (!this.servicesRegistered) {
			registerServices();
			this.servicesRegistered = true;
		}
		if (!this.node.isRunning()) {
			try {
				this.node.start();
			}
			catch (RuntimeException ex) {
				throw new MeshNodeStartException(this.node.settings(), ex);
			}
		}
		this.running = true;
	}

	private void registerServices() {
		for (String beanName : this.beanFactory.getBeanNamesForAnnotation(MeshService.class)) {
			// The scoped proxy is the bean to offer; its target would be a second service
			if (ScopedProxyUtils.isScopedTarget(beanName)) {
				continue;
			}
			Object bean = this.beanFactory.getBean(beanName);
			try {
				// ${...} in name, version and tags lets one class serve differently
				// configured nodes
				this.node.registerAnnotatedService(beanName, bean, this::resolvePlaceholders);
			}
			catch (IllegalStateException | IllegalArgumentException ex) {
				throw new MeshServiceRegistrationException(beanName, bean.getClass(), ex);
			}
		}
	}

	private String resolvePlaceholders(String value) {
		if (this.beanFactory instanceof ConfigurableBeanFactory configurable) {
			String resolved = configurable.resolveEmbeddedValue(value);
			return (resolved != null) ? resolved : value;
		}
		return value;
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.node.isRunning()) {
			this.node.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
