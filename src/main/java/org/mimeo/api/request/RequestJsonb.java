package org.mimeo.api.request;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;

/**
 * The one JSON-B configuration of the API: unknown fields are refused (Yasson's
 * {@code jsonb.fail-on-unknown-properties}, WildFly's JSON-B implementation) and scalars are read strictly.
 */
public final class RequestJsonb {

    /** Yasson's switch; a JSON-B implementation without it ignores it. */
    static final String FAIL_ON_UNKNOWN_PROPERTIES = "jsonb.fail-on-unknown-properties";

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .setProperty(FAIL_ON_UNKNOWN_PROPERTIES, true)
            .withDeserializers(new StrictScalars.Booleans(), new StrictScalars.Strings(), new StrictScalars.Integers(), new StrictScalars.Longs()));

    private RequestJsonb() {
    }

    /** Thread-safe, shared by every request and answer. */
    public static Jsonb get() {
        return JSONB;
    }
}
