package org.mimeo.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mimeo.error.Failure;
import org.mimeo.error.MimeoException;
import org.mimeo.api.request.RequestProblems;
import org.mimeo.internal.MimeoLogger;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.internal.TestHooks;

/** Every non-2xx answer in the contract's shape: {"error": code, "message": text}. */
public final class ErrorMappers {

    private ErrorMappers() {
    }

    static Response error(Failure failure, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", failure.code());
        body.put("message", message);
        return Response.status(failure.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    static MimeoException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof MimeoException m) {
                return m;
            }
        }
        return null;
    }

    @Provider
    public static class Known implements ExceptionMapper<MimeoException> {
        @Override
        public Response toResponse(MimeoException e) {
            return error(e.failure(), e.getMessage());
        }
    }

    /** Request records that break their constraints: 400 naming every bad field. */
    @Provider
    public static class Violations implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            return error(Failure.INVALID_REQUEST, RequestProblems.violations(e.getConstraintViolations()));
        }
    }

    /** 403 from {@code @RolesAllowed}: names the user, the call and the roles it needs. */
    @Provider
    public static class Forbidden implements ExceptionMapper<ForbiddenException> {
        @Context
        ResourceInfo resource;

        @Context
        SecurityContext security;

        @Context
        Request request;

        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ForbiddenException e) {
            String user = security == null || security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
            return error(Failure.FORBIDDEN, MimeoMessages.MSG.forbidden(user, request.getMethod(), uri.getPath().replaceFirst("^/", ""),
                    String.join(" or ", requiredRoles())));
        }

        private List<String> requiredRoles() {
            RolesAllowed allowed = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(RolesAllowed.class);
            if (allowed == null && resource.getResourceClass() != null) {
                allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
            }
            return allowed == null ? List.of(Roles.ADMIN) : Arrays.asList(allowed.value());
        }
    }

    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            Failure failure = switch (status) {
                case 401 -> Failure.UNAUTHORIZED;
                case 403 -> Failure.FORBIDDEN;
                case 404 -> Failure.NOT_FOUND;
                case 409 -> Failure.CONFLICT;
                case 400, 405, 406, 415 -> Failure.INVALID_REQUEST;
                default -> status < 500 ? Failure.INVALID_REQUEST : Failure.INTERNAL;
            };
            Response base = error(failure, e.getMessage() == null ? "HTTP " + status : e.getMessage());
            return Response.fromResponse(base).status(status).build();
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(RuntimeException e) {
            MimeoException known = find(e);
            if (known != null) {
                return error(known.failure(), known.getMessage());
            }
            if (e instanceof WebApplicationException w) {
                return new Web().toResponse(w);
            }
            Response unreadable = unreadableBody(e);
            if (unreadable != null) {
                return unreadable;
            }
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof IllegalArgumentException iae) {
                    return error(Failure.INVALID_REQUEST, iae.getMessage());
                }
            }
            MimeoLogger.LOG.unexpected("request", uri == null ? "?" : uri.getPath(), e);
            return error(Failure.INTERNAL, MimeoMessages.MSG.unexpected(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        }

        /** A body JSON-B or JSON-P could not read (Jakarta REST wraps their exceptions): 400 naming the field where known. */
        private static Response unreadableBody(Throwable e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof JsonbException jsonb) {
                    return error(Failure.INVALID_REQUEST, RequestProblems.binding(jsonb, TestHooks.enabled()));
                }
                if (c instanceof JsonException json) {
                    return error(Failure.INVALID_REQUEST, MimeoMessages.MSG.notJson(json.getMessage()));
                }
            }
            return null;
        }
    }
}
