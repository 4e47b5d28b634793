/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that endpoints never block, so they run on the thread that received the call
 * instead of being handed to a worker thread.
 * <p>
 * An endpoint that returns a {@code Mono} or {@code Flux} is taken at its word and always
 * runs on the receiving thread. One that returns a plain value, {@code void} or a
 * {@code CompletionStage} may block (JDBC, a file, a lock), so by default it runs on
 * Reactor's bounded elastic scheduler, which keeps the connection's event loop, and with
 * it every call and the membership traffic on that connection, free. That hand-off costs
 * two thread wake-ups per call: at high rates, more CPU than a small endpoint itself. Put
 * this annotation on a method, or on the service class for all its endpoints, when the
 * code only computes; a blocking call made under it stalls every call on the same event
 * loop until it returns.
 *
 * @author LiteMesh team
 * @see MeshService
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface NonBlocking {

}
