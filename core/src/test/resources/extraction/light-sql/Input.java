package shop.light;

import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.apache.commons.dbutils.QueryRunner;
import org.apache.commons.dbutils.handlers.BeanHandler;
import org.apache.commons.dbutils.handlers.BeanListHandler;
import org.apache.commons.dbutils.handlers.ScalarHandler;
import org.sql2o.Sql2o;

class Input {

    private final PgPool client;
    private final QueryRunner runner;
    private final Sql2o sql2o;

    Input(PgPool client, QueryRunner runner, Sql2o sql2o) {
        this.client = client;
        this.runner = runner;
        this.sql2o = sql2o;
    }

    Object everyFruit() {
        return client.query("SELECT id, name FROM fruits ORDER BY name").execute();
    }

    Object fruit(long id) {
        return client.withTransaction(conn -> conn.preparedQuery("SELECT id, name FROM fruits WHERE id = $1")
                .execute(Tuple.of(id)));
    }

    List<Fruit> byColor(Connection conn, String color) throws Exception {
        return runner.query(conn, "SELECT id, name FROM fruits WHERE color = ?", new BeanListHandler<>(Fruit.class), color);
    }

    Fruit one(long id) throws Exception {
        return runner.query("SELECT id, name FROM fruits WHERE id = ?", new BeanHandler<>(Fruit.class), id);
    }

    long count() throws Exception {
        return runner.query("SELECT count(*) FROM fruits", new ScalarHandler<Long>());
    }

    List<Map<String, Object>> looped() throws Exception {
        return runner.query("SELECT id FROM fruits", rs -> {
            List<Map<String, Object>> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(Map.of("id", rs.getLong(1)));
            }
            return out;
        });
    }

    int rename(long id, String name) throws Exception {
        return runner.update("UPDATE fruits SET name = ? WHERE id = ?", name, id);
    }

    List<Fruit> sql2oColor(String color) {
        try (org.sql2o.Connection con = sql2o.open()) {
            return con.createQuery("select id, name from fruits where color = :color")
                    .addParameter("color", color).executeAndFetch(Fruit.class);
        }
    }

    Fruit sql2oFirst(long id) {
        try (var con = sql2o.open()) {
            return con.createQuery("select id, name from fruits where id = :id").addParameter("id", id)
                    .executeAndFetchFirst(Fruit.class);
        }
    }

    record Fruit(long id, String name) {
    }
}
