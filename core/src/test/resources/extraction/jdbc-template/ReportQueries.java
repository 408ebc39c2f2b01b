package shop.catalog;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** A template capped once for the whole class: every query on it is bounded. */
class ReportQueries {

    private final JdbcTemplate reportTemplate;

    ReportQueries(JdbcTemplate template) {
        this.reportTemplate = new JdbcTemplate(template.getDataSource());
        this.reportTemplate.setMaxRows(500);
    }

    List<Map<String, Object>> sales() {
        return reportTemplate.queryForList("SELECT day, sum(total) AS total FROM sales GROUP BY day");
    }
}
