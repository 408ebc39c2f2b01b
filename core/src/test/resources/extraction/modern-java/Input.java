package shop.modern;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

class Input implements ShipmentSql {

    enum View { COMPACT, PRICED, AUDIT }

    private final JdbcTemplate jdbc;

    Input(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Map<String, Object>> shipments(long orderId) {
        return jdbc.queryForList(BY_ORDER, orderId);
    }

    List<Map<String, Object>> lines(View view, long orderId) {
        var sql = switch (view) {
            case COMPACT -> "SELECT product_id FROM order_lines WHERE order_id = ?";
            case PRICED -> {
                yield "SELECT product_id, unit_price FROM order_lines WHERE order_id = ?";
            }
            default -> throw new IllegalArgumentException("no lines for " + view);
        };
        return jdbc.queryForList(sql, orderId);
    }
}
