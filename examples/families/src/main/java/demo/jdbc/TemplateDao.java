package demo.jdbc;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

class TemplateDao {

    private static final String COLUMNS = "SELECT id, status, total FROM orders ";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final JdbcClient client;

    TemplateDao(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, JdbcClient client) {
        this.jdbc = jdbc;
        this.named = named;
        this.client = client;
    }

    List<Map<String, Object>> byStatus(String status) {
        //~ L1 expect missing-pagination
        return jdbc.queryForList(COLUMNS + "WHERE status = ?", status);
    }

    Map<String, Object> one(long id) {
        //~ L1 expect none
        return jdbc.queryForMap(COLUMNS + "WHERE id = ?", id);
    }

    List<Map<String, Object>> forCustomer(long customerId) {
        //~ L1 expect select-star missing-pagination
        return named.queryForList("SELECT * FROM orders WHERE customer_id = :customerId", Map.of("customerId", customerId));
    }

    List<Map<String, Object>> recent(int size) {
        StringBuilder sql = new StringBuilder(COLUMNS);
        sql.append("ORDER BY created_at DESC ");
        sql.append("LIMIT ?");
        //~ L1 expect none
        return jdbc.queryForList(sql.toString(), size);
    }

    List<String> everyEmail() {
        //~ L1 expect unbounded-result
        return client.sql("SELECT email FROM customers").query(String.class).list();
    }

    String emailOf(long id) {
        //~ L1 expect none
        return client.sql("SELECT email FROM customers WHERE id = :id").param("id", id).query(String.class).single();
    }
}
