package shop.ordered;

import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.support.JdbcDaoSupport;

/** A base whose only query call hands on its caller's text with an order the caller names. */
public abstract class SortedJdbcDao extends JdbcDaoSupport {

    protected <T> List<T> queryOrdered(String sql, String orderBy, RowMapper<T> mapper, Object... args) {
        return getJdbcTemplate().query(sql + " ORDER BY " + orderBy, mapper, args);
    }

    /** The caller's second text is a condition: the filter is unknown here, so this is no wrapper to judge callers by. */
    protected List<java.util.Map<String, Object>> rowsWhere(String sql, String condition) {
        return getJdbcTemplate().queryForList(sql + " WHERE " + condition);
    }
}
