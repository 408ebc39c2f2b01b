package com.acme.sql;

/** Interface fields are constants too, and this one starts like no query. */
public interface Columns {
    String LIST = "id, total";
}
