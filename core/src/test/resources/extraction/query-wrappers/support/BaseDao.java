package shop.support;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

public abstract class BaseDao {

    protected JdbcTemplate jdbcTemplate;

    protected List<Map<String, Object>> rows(String sql, Object... args) {
        final String text = sql;
        return jdbcTemplate.queryForList(text, args);
    }

    /** Hands on the caller's text with a row limit: the caller's query is bounded. */
    protected List<Map<String, Object>> firstRows(String sql, int rows, Object... args) {
        return jdbcTemplate.queryForList(sql + " LIMIT " + rows, args);
    }

    protected int change(String sql, Object... args) {
        return jdbcTemplate.update(sql, args);
    }
}
