package shop.reports;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two overloads of its own, each a wrapper: a call of either is one query, at its call. */
class LedgerDao {

    private final JdbcTemplate jdbcTemplate;

    LedgerDao(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    List<Map<String, Object>> today() {
        return query("SELECT l.id, l.amount FROM ledger l WHERE l.day = CURRENT_DATE");
    }

    List<Map<String, Object>> byAccount(long account) {
        return query("SELECT l.id, l.amount FROM ledger l WHERE l.account_id = ?", new Object[] {account});
    }

    private List<Map<String, Object>> query(String sql) {
        return jdbcTemplate.queryForList(sql);
    }

    private List<Map<String, Object>> query(String sql, Object[] args) {
        return jdbcTemplate.queryForList(sql, args);
    }
}
