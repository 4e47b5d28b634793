/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.demo.gateway;

import io.litemesh.MeshTimeoutException;
import io.litemesh.NoRouteException;
import io.litemesh.RemoteServiceException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the exceptions of mesh calls into HTTP problem details, as a gateway answers for
 * the services behind it: nobody to route to is {@code 503}, no answer in time
 * {@code 504}, a failing service {@code 502}.
 *
 * @author LiteMesh team
 */
@RestControllerAdvice(assignableTypes = GatewayController.class)
@ConditionalOnBooleanProperty("demo.gateway.enabled")
public class MeshExceptionHandler {

	/**
	 * Answer a call that found no node to go to.
	 * @param ex the exception
	 * @return a {@code 503} problem
	 */
	@ExceptionHandler
	public ProblemDetail noRoute(NoRouteException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
	}

	/**
	 * Answer a call that got no answer in time.
	 * @param ex the exception
	 * @return a {@code 504} problem
	 */
	@ExceptionHandler
	public ProblemDetail timeout(MeshTimeoutException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT, ex.getMessage());
	}

	/**
	 * Answer a call whose service failed.
	 * @param ex the exception
	 * @return a {@code 502} problem naming what the service threw
	 */
	@ExceptionHandler
	public ProblemDetail remoteFailure(RemoteServiceException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
		problem.setProperty("remoteType", ex.remoteType());
		return problem;
	}

}
