package com.example.shop.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class SalesReportDao {

    private static final String TOTALS = "SELECT p.id, p.name, SUM(l.quantity * l.unit_price) AS revenue "
            + "FROM order_lines l JOIN products p ON p.id = l.product_id ";

    private final JdbcTemplate jdbc;

    public SalesReportDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public BigDecimal revenueOf(long productId) {
        //~ L2 expect none
        return jdbc.queryForObject(
                "SELECT SUM(quantity * unit_price) FROM order_lines WHERE product_id = ?", BigDecimal.class, productId);
    }

    public List<Map<String, Object>> topProducts(int limit) {
        //~ L1 expect none
        return jdbc.queryForList(TOTALS + "GROUP BY p.id, p.name ORDER BY revenue DESC LIMIT ?", limit);
    }

    public List<Map<String, Object>> dailyRevenue() {
        // one row per day: a note, since the number of days grows slowly
        //~ L2 expect unbounded-result
        return jdbc.queryForList("SELECT CAST(created_at AS DATE) AS day, COUNT(*) AS orders "
                + "FROM orders GROUP BY CAST(created_at AS DATE)");
    }

    public void log(long productId) {
        //~ L1 expect none
        System.out.println("SELECT revenue FROM report WHERE product = " + productId);
    }
}
