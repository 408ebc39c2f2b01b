package com.acme.sql;

/** Nobody names this holder: the first pass need not parse it. */
public class Unused {
    static final String ORPHAN = "SELECT * FROM nowhere";
}
