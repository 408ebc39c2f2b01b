package com.acme.dao;

import com.acme.sql.Columns;
import com.acme.sql.Queries;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

public class OrderDao {

    private final JdbcTemplate jdbc;

    public OrderDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Map<String, Object>> users() {
        return jdbc.queryForList(Queries.BASE);
    }

    public List<Map<String, Object>> orders() {
        return jdbc.queryForList("SELECT " + Columns.LIST + " FROM " + Queries.TABLE);
    }

    public List<Map<String, Object>> user(long id) {
        return jdbc.queryForList(com.acme.sql.Queries.BASE + " WHERE id = ?", id);
    }

    public List<Map<String, Object>> monthly() {
        return jdbc.queryForList(Queries.Reports.MONTHLY);
    }
}
