package com.acme.sql;

/** Query parts shared by the DAOs. */
public final class Queries {

    public static final String BASE = "SELECT id, name FROM users";
    public static final String TABLE = "orders";

    /** Nested holders are named by their own simple name. */
    public static final class Reports {
        public static final String MONTHLY = "SELECT * FROM monthly_totals";
    }

    private Queries() {
    }
}
