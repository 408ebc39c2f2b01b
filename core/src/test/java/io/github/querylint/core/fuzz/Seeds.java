package io.github.querylint.core.fuzz;

import java.util.List;

/** Real-looking inputs, written for these tests, for the mutator to break. */
final class Seeds {

    private Seeds() {
    }

    static final List<String> SQL = List.of(
            "SELECT * FROM orders",
            "SELECT o.id, o.total, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = ? ORDER BY o.created_at DESC LIMIT 50 OFFSET :offset",
            "WITH recent AS (SELECT id, customer_id FROM orders WHERE created_at > now() - interval '7 days') SELECT c.*, r.id FROM customers c LEFT JOIN recent r ON r.customer_id = c.id",
            "SELECT id FROM a UNION ALL SELECT id FROM b UNION SELECT id FROM c WHERE x IN (1, 2, 3)",
            "SELECT count(*), status FROM tickets GROUP BY status HAVING count(*) > 10",
            "SELECT TOP 10 * FROM [dbo].[Users] WHERE [Name] LIKE 'a%'",
            "SELECT `id`, `name` FROM `users` WHERE `email` = 'x\\'y' LIMIT 1",
            "SELECT * FROM emp WHERE dept_id = (SELECT id FROM dept WHERE name = 'R''D') FETCH FIRST 5 ROWS ONLY",
            "SELECT e.id, CASE WHEN e.salary > 1000 THEN 'high' ELSE 'low' END AS band, ROW_NUMBER() OVER (PARTITION BY e.dept ORDER BY e.salary) FROM emp e",
            "UPDATE accounts SET balance = balance - ? WHERE id = ?",
            "DELETE FROM sessions WHERE expires_at < CURRENT_TIMESTAMP",
            "INSERT INTO audit (id, at, who) VALUES (?, ?, ?)",
            "SELECT p.* FROM products p, categories c, suppliers s WHERE p.cat = c.id AND p.sup = s.id AND EXISTS (SELECT 1 FROM stock t WHERE t.pid = p.id)",
            "SELECT data->>'name' AS name, $1::text FROM events WHERE payload @> '{\"a\":1}' FOR UPDATE SKIP LOCKED",
            "SELECT * FROM t1 JOIN t2 USING (id) JOIN t3 ON t3.k = t2.k JOIN t4 ON t4.k = t3.k JOIN t5 ON t5.k = t4.k JOIN t6 ON t6.k = t5.k JOIN t7 ON t7.k = t6.k");

    static final List<String> JPQL = List.of(
            "select o from Order o",
            "SELECT o FROM Order o JOIN FETCH o.lines l WHERE o.customer.id = :customerId ORDER BY o.createdAt DESC",
            "select new com.example.Summary(c.name, count(o)) from Customer c left join c.orders o group by c.name",
            "SELECT u FROM User u WHERE u.email = ?1 AND u.active = true",
            "select distinct p from Product p join p.tags t where t.name in :names and p.price between :lo and :hi",
            "update Ticket t set t.status = 'CLOSED' where t.updatedAt < :cutoff",
            "delete from Session s where s.expiresAt < current_timestamp",
            "from Invoice i where i.total > (select avg(j.total) from Invoice j) order by i.id",
            "select e from Employee e where exists (select 1 from Project p where p.lead = e) and type(e) = Manager",
            "SELECT c FROM Customer c WHERE c.name LIKE concat('%', :q, '%') ESCAPE '!' ORDER BY c.name LIMIT 20");

    static final List<String> JAVA = List.of("""
            package shop;

            import java.util.List;
            import org.springframework.jdbc.core.JdbcTemplate;

            class OrderDao {
                private static final String BASE = "SELECT o.id, o.total FROM orders o ";
                private final JdbcTemplate jdbc;

                OrderDao(JdbcTemplate jdbc) { this.jdbc = jdbc; }

                List<?> all() {
                    return jdbc.queryForList("SELECT * FROM orders");
                }

                List<?> byStatus(String status, boolean recent) {
                    String sql = BASE + "WHERE o.status = ?";
                    if (recent) {
                        sql += " AND o.created_at > now() - interval '1 day'";
                    }
                    return jdbc.queryForList(sql + " ORDER BY o.id", status);
                }

                int close(long id) {
                    StringBuilder sb = new StringBuilder("UPDATE orders SET status = 'CLOSED'");
                    sb.append(" WHERE id = ").append(id);
                    return jdbc.update(sb.toString());
                }
            }
            """, """
            package shop;

            import java.util.List;
            import org.springframework.data.domain.Pageable;
            import org.springframework.data.jpa.repository.JpaRepository;
            import org.springframework.data.jpa.repository.Query;

            interface CustomerRepository extends JpaRepository<Customer, Long> {
                @Query("select c from Customer c where c.region = :region")
                List<Customer> inRegion(String region);

                @Query(value = \"""
                        SELECT * FROM customers c
                        WHERE c.created_at > :since
                        \""", nativeQuery = true)
                List<Customer> since(java.time.Instant since, Pageable page);

                List<Customer> findByLastNameOrderByFirstNameAsc(String lastName);

                Customer findTopByEmail(String email);
            }
            """, """
            package shop;

            import jakarta.persistence.EntityManager;
            import jakarta.persistence.NamedQuery;

            @NamedQuery(name = "Invoice.open", query = "select i from Invoice i where i.paid = false")
            class InvoiceService {
                private final EntityManager em;

                InvoiceService(EntityManager em) { this.em = em; }

                java.util.List<?> recent(int days) {
                    return em.createQuery(String.format("select i from Invoice i where i.day > %d", days))
                            .setMaxResults(100)
                            .getResultList();
                }

                Object one(long id) {
                    return em.createNativeQuery("SELECT * FROM invoices WHERE id = " + id).getSingleResult();
                }

                void loop(java.util.List<Long> ids) {
                    for (Long id : ids) {
                        em.createQuery("select l from Line l where l.invoice.id = :id").setParameter("id", id).getResultList();
                    }
                }
            }
            """, """
            package shop;

            import org.apache.ibatis.annotations.Mapper;
            import org.apache.ibatis.annotations.Select;
            import org.apache.ibatis.annotations.Update;

            @Mapper
            interface ProductMapper {
                @Select({"<script>", "SELECT * FROM products", "<where><if test='name != null'>name = #{name}</if></where>", "</script>"})
                java.util.List<Product> find(String name);

                @Update("UPDATE products SET price = #{price} WHERE id = #{id}")
                int reprice(long id, java.math.BigDecimal price);

                @SuppressWarnings("querylint:select-star")
                @Select("SELECT * FROM product_tags")
                java.util.List<Tag> tags();
            }
            """);

    static final List<String> SCRIPTS = List.of("""
            -- schema
            CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(20), total NUMERIC(10, 2));
            CREATE INDEX orders_status ON orders (status);
            INSERT INTO orders VALUES (1, 'NEW', 10.00), (2, 'O''Neil', 20.00);
            /* a view */
            CREATE VIEW open_orders AS SELECT * FROM orders WHERE status = 'NEW';
            SELECT * FROM orders;
            """, """
            DELIMITER $$
            CREATE PROCEDURE p() BEGIN SELECT 1; END$$
            DELIMITER ;
            CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql;
            BEGIN
              UPDATE t SET x = 1;
            END;
            /
            SELECT "quoted;name" FROM `back;tick` WHERE a = 'semi;colon';
            """);

    static final List<String> XML = List.of("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
            <mapper namespace="shop.ProductMapper">
              <sql id="cols">id, name, price</sql>
              <select id="all" resultType="Product">
                SELECT <include refid="cols"/> FROM products
                <where>
                  <if test="name != null">AND name LIKE #{name}</if>
                  <foreach item="id" collection="ids" open="AND id IN (" separator="," close=")">#{id}</foreach>
                </where>
                ORDER BY name
              </select>
              <select id="one" resultType="Product">SELECT * FROM products WHERE id = #{id} AND price &lt; 100</select>
              <update id="touch">UPDATE products SET touched = now() WHERE id = #{id}</update>
              <delete id="purge"><![CDATA[DELETE FROM products WHERE price < 0]]></delete>
            </mapper>
            """, """
            <?xml version="1.0" encoding="UTF-8"?>
            <entity-mappings xmlns="https://jakarta.ee/xml/ns/persistence/orm" version="3.0">
              <named-query name="Order.open">
                <query>select o from Order o where o.status = 'OPEN'</query>
              </named-query>
              <named-native-query name="Order.raw">
                <query>SELECT * FROM orders</query>
              </named-native-query>
            </entity-mappings>
            """);
}
