package org.mimeo.api;

/**
 * The three roles of the contract, each with the rights of the ones before it. A user holds one of
 * them (add-user.sh -g ROLE), so every method lists the roles that may call it.
 */
public final class Roles {

    public static final String VIEWER = "mimeo-viewer";
    public static final String OPERATOR = "mimeo-operator";
    public static final String ADMIN = "mimeo-admin";

    private Roles() {
    }
}
