/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.netty.util.ResourceLeakDetector;

/**
 * A Netty leak detector that records leaks instead of only logging them, so a test can
 * fail on a leaked buffer. Installed for the whole test JVM through the
 * {@code io.netty.customResourceLeakDetector} system property (see the pom), because
 * Netty creates its detectors once, when the buffer classes load.
 *
 * @param <T> the tracked resource type
 * @author LiteMesh team
 */
public class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {

	static final List<String> LEAKS = new CopyOnWriteArrayList<>();

	/**
	 * Create a detector, as Netty's factory does.
	 * @param resourceType the tracked type
	 * @param samplingInterval the sampling interval
	 */
	public RecordingLeakDetector(Class<?> resourceType, int samplingInterval) {
		super(resourceType, samplingInterval);
	}

	@Override
	protected void reportTracedLeak(String resourceType, String records) {
		LEAKS.add(resourceType + records);
		super.reportTracedLeak(resourceType, records);
	}

	@Override
	protected void reportUntracedLeak(String resourceType) {
		LEAKS.add(resourceType);
		super.reportUntracedLeak(resourceType);
	}

}
