package shop.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wrappers that read their caller's query as a derived table (Oracle's ROWNUM page, a count of its rows), and a
 * search whose criteria a helper of the class appends to the builder it is handed.
 */
class PagedDao {

    private final JdbcTemplate jdbcTemplate;

    PagedDao(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    List<Map<String, Object>> openRefunds(int page, int size) {
        return findPage("SELECT r.id, r.amount FROM refunds r WHERE r.state = 'OPEN' ORDER BY r.id", page, size);
    }

    List<Map<String, Object>> latestRefunds(int max) {
        return findTop("SELECT r.id, r.amount FROM refunds r ORDER BY r.created_at DESC", max);
    }

    long openRefundCount() {
        return count("SELECT r.id FROM refunds r WHERE r.state = 'OPEN'");
    }

    List<Map<String, Object>> search(String state, Long customerId) {
        StringBuilder sql = new StringBuilder("SELECT r.id, r.amount FROM refunds r WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        appendCriteria(sql, args, state, customerId);
        sql.append(" ORDER BY r.id");
        return jdbcTemplate.queryForList(sql.toString(), args.toArray());
    }

    private List<Map<String, Object>> findPage(String sql, int page, int size) {
        String paged = "SELECT * FROM (SELECT q.*, ROWNUM rn FROM (" + sql + ") q WHERE ROWNUM <= ?) WHERE rn > ?";
        return jdbcTemplate.queryForList(paged, (page + 1) * size, page * size);
    }

    private List<Map<String, Object>> findTop(String sql, int max) {
        return jdbcTemplate.queryForList("SELECT * FROM (" + sql + ") WHERE ROWNUM <= ?", max);
    }

    private long count(String sql) {
        return jdbcTemplate.queryForObject("SELECT COUNT(*) FROM (" + sql + ") t", Long.class);
    }

    private void appendCriteria(StringBuilder sql, List<Object> args, String state, Long customerId) {
        if (state != null) {
            sql.append(" AND r.state = ?");
            args.add(state);
        }
        if (customerId != null) {
            sql.append(" AND r.customer_id = ?");
            args.add(customerId);
        }
    }
}
