package shop.payments;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class PaymentQueries {

    private final DatabaseClient db;

    PaymentQueries(DatabaseClient db) {
        this.db = db;
    }

    Flux<Map<String, Object>> all() {
        return db.sql("SELECT id, amount FROM payment").fetch().all();
    }

    Flux<BigDecimal> large(BigDecimal min) {
        return db.sql("SELECT amount FROM payment WHERE amount > :min")
                .bind("min", min)
                .map((row, meta) -> row.get("amount", BigDecimal.class))
                .all();
    }

    Mono<Map<String, Object>> byId(long id) {
        return db.sql("SELECT id, amount FROM payment WHERE id = :id").bind("id", id).fetch().one();
    }

    Mono<Map<String, Object>> newest() {
        return db.sql("SELECT id, amount FROM payment ORDER BY created_at DESC").fetch().first();
    }

    Mono<Long> settle(long id) {
        return db.sql("UPDATE payment SET status = 'SETTLED' WHERE id = :id").bind("id", id).fetch().rowsUpdated();
    }
}
