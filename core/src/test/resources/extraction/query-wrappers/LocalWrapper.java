package shop.reports;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** A wrapper of its own, named like the API it wraps and called without a receiver. */
class RefundDao {

    private final JdbcTemplate jdbcTemplate;

    RefundDao(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    List<Map<String, Object>> open() {
        return query("SELECT r.id, r.amount FROM refunds r WHERE r.state = 'OPEN'");
    }

    private List<Map<String, Object>> query(String sql) {
        return jdbcTemplate.queryForList(sql);
    }
}
