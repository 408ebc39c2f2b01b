package shop.orders;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

class OrderQueries {

    private final JdbcClient jdbcClient;

    OrderQueries(JdbcClient jdbcClient) {
        this.jdbcClient = jdbcClient;
    }

    List<Order> all() {
        return jdbcClient.sql("SELECT id, total FROM orders").query(Order.class).list();
    }

    Order one(long id) {
        return jdbcClient.sql("SELECT id, total FROM orders WHERE id = :id")
                .param("id", id)
                .query(Order.class)
                .single();
    }

    Optional<Order> maybe(long id) {
        return jdbcClient.sql("SELECT id, total FROM orders WHERE id = ?").param(id).query(Order.class).optional();
    }

    Stream<Order> open() {
        return jdbcClient.sql("SELECT id, total FROM orders WHERE status = 'OPEN'").query(Order.class).stream();
    }

    long count() {
        return jdbcClient.sql("SELECT count(*) FROM orders").query(Long.class).single();
    }

    List<java.util.Map<String, Object>> rows() {
        return jdbcClient.sql("SELECT * FROM orders").query().listOfRows();
    }

    int cancel(long id) {
        return jdbcClient.sql("UPDATE orders SET status = 'CANCELLED' WHERE id = ?").param(id).update();
    }

    void each(java.util.function.Consumer<String> sink) {
        jdbcClient.sql("SELECT id FROM orders").query(rs -> {
            sink.accept(rs.getString(1));
        });
    }

    record Order(long id, long total) {
    }
}
