package org.mimeo.api;

import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.mimeo.api.request.RequestJsonb;

/** Jakarta REST binds request and answer bodies with the API's one JSON-B configuration ({@link RequestJsonb}). */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {

    @Override
    public Jsonb getContext(Class<?> type) {
        return RequestJsonb.get();
    }
}
