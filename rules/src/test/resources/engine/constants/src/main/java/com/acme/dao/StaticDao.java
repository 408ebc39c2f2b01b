package com.acme.dao;

import static com.acme.sql.Columns.*;
import static com.acme.sql.Queries.BASE;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

public class StaticDao {

    private final JdbcTemplate jdbc;

    public StaticDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Map<String, Object>> sorted() {
        return jdbc.queryForList(BASE + " ORDER BY id");
    }

    public List<Map<String, Object>> totals() {
        return jdbc.queryForList("SELECT " + LIST + " FROM totals");
    }
}
