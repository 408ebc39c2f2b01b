package com.acme.legacy;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Written on Windows: every line ends in CR LF. */
class CrlfDao {

    private final JdbcTemplate jdbc;

    CrlfDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<String> names() {
        String sql = "SELECT name "
                + "FROM customers "
                + "ORDER BY name";
        return jdbc.queryForList(sql, String.class);
    }

    List<Map<String, Object>> wide(long id) {
        return jdbc.queryForList("SELECT o.id FROM orders o"
                + " JOIN customers c ON c.id = o.customer_id"
                + " JOIN addresses a ON a.id = c.address_id"
                + " JOIN order_lines l ON l.order_id = o.id"
                + " JOIN products p ON p.id = l.product_id"
                + " JOIN suppliers s ON s.id = p.supplier_id"
                + " JOIN countries k ON k.id = s.country_id"
                + " WHERE o.id = ?", id);
    }
}
