package shop.support;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

public class PageFetcher {

    public Page fetchPage(JdbcTemplate jdbcTemplate, String countSql, String rowsSql, Object[] args) {
        Long total = jdbcTemplate.queryForObject(countSql, Long.class, args);
        List<Map<String, Object>> rows = jdbcTemplate.queryForList(rowsSql, args);
        return new Page(total, rows);
    }

    public record Page(Long total, List<Map<String, Object>> rows) {
    }
}
