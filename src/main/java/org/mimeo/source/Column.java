package org.mimeo.source;

import java.io.Serializable;

/** A column as the catalog spells it, with its type formatted with modifiers ({@code format_type}). */
public record Column(String name, String type) implements Serializable {

    public String definition() {
        return org.mimeo.sql.Identifiers.quote(name) + " " + type;
    }
}
