package org.mimeo.api.request;

import jakarta.json.bind.JsonbException;

/** A body refused while it is bound, with the whole answer's message (not one field's problem). */
public final class RequestRefusal extends JsonbException {

    RequestRefusal(String message) {
        super(message);
    }
}
