package org.mimeo.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Every request body of the API is JSON, whatever its Content-Type says: {@code curl -XPOST} without
 * {@code -d} sends none, and {@code curl -d} labels JSON as a form. Such a body is read as
 * {@code application/json}, as the API always read it; JSON types ({@code application/merge-patch+json}) stay.
 */
@Provider
@PreMatching
public class JsonBodies implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
