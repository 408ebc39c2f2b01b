package shop.reports;

import java.util.List;

/**
 * Methods of its own that share a query API's name: a call without a receiver is a call of these,
 * never of EntityManager.createQuery or JdbcTemplate.query.
 */
class ReportQueryTest {

    void buildsWithoutRunning() {
        createQuery("""
                SELECT r.id, r.total FROM report r
                JOIN region g ON r.region_id = g.id
                WHERE 1=1""").withParameter("g", "north");
        List<String> rows = query("SELECT name FROM region");
        execute("DELETE FROM report");
    }

    private ReportQuery createQuery(String sql) {
        return new ReportQuery(sql);
    }

    private static List<String> query(String sql) {
        return List.of(sql);
    }

    private void execute(String sql) {
        System.out.println(sql);
    }

    record ReportQuery(String sql) {
        ReportQuery withParameter(String name, Object value) {
            return this;
        }
    }
}
