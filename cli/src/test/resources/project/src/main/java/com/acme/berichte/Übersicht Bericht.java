package com.acme.berichte;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Monatsübersicht: the file name has a space and an umlaut, the lines have letters beyond ASCII. */
class Übersicht {

    private final JdbcTemplate jdbc;

    Übersicht(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Map<String, Object>> bestellungenVonMüller() {
        List<Map<String, Object>> größe = jdbc.queryForList("SELECT * FROM bestellungen WHERE kunde = 'Müller'");
        return größe;
    }
}
