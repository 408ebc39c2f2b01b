package com.acme.service;

/** Holds no query, though its words look like some: the pre-filter spares its parse. */
public class Plain {

    private static final String MESSAGE = "Update failed: select another option";

    /** Updates the query counter; execute it before the Repository is ready. */
    public int bump(int query) {
        return query + MESSAGE.length();
    }
}
