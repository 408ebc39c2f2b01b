package shop.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.dao.support.DataAccessUtils;
import org.springframework.jdbc.core.BeanPropertyRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.rowset.SqlRowSet;

class ProductJdbcRepository {

    private final JdbcTemplate jdbcTemplate;
    private final NamedParameterJdbcTemplate named;

    ProductJdbcRepository(JdbcTemplate jdbcTemplate, NamedParameterJdbcTemplate named) {
        this.jdbcTemplate = jdbcTemplate;
        this.named = named;
    }

    List<Product> all() {
        return jdbcTemplate.query("SELECT id, name, price FROM products", (rs, rowNum) -> map(rs));
    }

    List<Product> cheap() {
        return jdbcTemplate.query("SELECT id, name, price FROM products WHERE price < ?",
                new BeanPropertyRowMapper<>(Product.class), 10);
    }

    Product one(long id) {
        return jdbcTemplate.query("SELECT id, name, price FROM products WHERE id = ?",
                rs -> rs.next() ? map(rs) : null, id);
    }

    Product first(String name) {
        return jdbcTemplate.query("SELECT id, name, price FROM products WHERE name = ?", new ResultSetExtractor<Product>() {
            @Override
            public Product extractData(java.sql.ResultSet rs) throws java.sql.SQLException {
                if (rs.next()) {
                    return map(rs);
                }
                return null;
            }
        }, name);
    }

    void export(java.io.Writer out) {
        jdbcTemplate.query("SELECT id, name, price FROM products", rs -> {
            out.write(rs.getString("name"));
        });
    }

    List<String> names() {
        return jdbcTemplate.queryForList("SELECT name FROM products", String.class);
    }

    List<Map<String, Object>> rows() {
        return jdbcTemplate.queryForList("SELECT * FROM products WHERE category = ?", "toys");
    }

    long count() {
        return jdbcTemplate.queryForObject("SELECT count(*) FROM products", Long.class);
    }

    Map<String, Object> row(long id) {
        return jdbcTemplate.queryForMap("SELECT * FROM products WHERE id = ?", id);
    }

    Stream<Product> stream() {
        return jdbcTemplate.queryForStream("SELECT id, name, price FROM products", (rs, i) -> map(rs));
    }

    SqlRowSet rowSet() {
        return jdbcTemplate.queryForRowSet("SELECT id FROM products");
    }

    Optional<Product> byCode(String code) {
        return Optional.ofNullable(DataAccessUtils.singleResult(
                jdbcTemplate.query("SELECT id, name, price FROM products WHERE code = ?", (rs, i) -> map(rs), code)));
    }

    int rename(long id, String name) {
        return jdbcTemplate.update("UPDATE products SET name = ? WHERE id = ?", name, id);
    }

    void reset() {
        jdbcTemplate.batchUpdate("DELETE FROM product_tags", "DELETE FROM products");
        jdbcTemplate.batchUpdate("INSERT INTO product_tags (product_id, tag) VALUES (?, ?)", List.of());
        jdbcTemplate.execute("CREATE INDEX products_name ON products (name)");
    }

    List<Product> byCategoryNamed(String category) {
        return named.query("SELECT id, name, price FROM products WHERE category = :category",
                new MapSqlParameterSource("category", category), (rs, i) -> map(rs));
    }

    List<Long> idsNamed() {
        return named.queryForList("SELECT id FROM products", Map.of(), Long.class);
    }

    Product oneNamed(long id) {
        return named.queryForObject("SELECT id, name, price FROM products WHERE id = :id", Map.of("id", id),
                (rs, i) -> map(rs));
    }

    int deleteNamed(long id) {
        return named.update("DELETE FROM products WHERE id = :id", Map.of("id", id));
    }

    Stream<Product> streamNamed() {
        return named.queryForStream("SELECT id, name, price FROM products", Map.of(), (rs, i) -> map(rs));
    }

    List<Product> perCategory(List<String> categories) {
        List<Product> out = new java.util.ArrayList<>();
        for (String c : categories) {
            out.addAll(jdbcTemplate.query("SELECT id, name, price FROM products WHERE category = ?", (rs, i) -> map(rs), c));
        }
        return out;
    }

    private static Product map(java.sql.ResultSet rs) {
        return null;
    }

    record Product(long id, String name) {
    }
}
