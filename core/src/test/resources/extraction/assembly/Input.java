package shop.assembly;

import static shop.sql.Queries.OPEN_ORDERS;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import shop.sql.Queries;

class OrderReports {

    private static final String TABLE = "orders";
    private static final String BASE = "SELECT id, total FROM " + TABLE;
    private static final String BY_STATUS = BASE + " WHERE status = ?";

    private final JdbcTemplate jdbc;

    OrderReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Map<String, Object>> acrossLines() {
        return jdbc.queryForList("SELECT id, total "
                + "FROM orders "
                + "WHERE total > 100 "
                + "ORDER BY total DESC");
    }

    List<Map<String, Object>> textBlock() {
        return jdbc.queryForList("""
                SELECT id, total
                FROM orders
                WHERE created_at > now() - interval '7 days'
                """);
    }

    List<Map<String, Object>> sameClass(String status) {
        return jdbc.queryForList(BY_STATUS, status);
    }

    List<Map<String, Object>> otherClass() {
        return jdbc.queryForList(Queries.OPEN_ORDERS);
    }

    List<Map<String, Object>> nestedClass(long id) {
        return jdbc.queryForList(Queries.Customers.BY_ID, id);
    }

    List<Map<String, Object>> staticImport() {
        return jdbc.queryForList(OPEN_ORDERS);
    }

    List<Map<String, Object>> local(long customer) {
        String where = " WHERE customer_id = ?";
        final String sql = BASE + where;
        return jdbc.queryForList(sql, customer);
    }

    List<Map<String, Object>> builder(String status, Long minTotal) {
        StringBuilder sql = new StringBuilder("SELECT id, total FROM orders WHERE 1 = 1");
        if (status != null) {
            sql.append(" AND status = ?");
        }
        if (minTotal != null) {
            sql.append(" AND total >= ").append(minTotal);
        }
        sql.append(" ORDER BY id");
        return jdbc.queryForList(sql.toString());
    }

    List<Map<String, Object>> ifElse(boolean newestFirst) {
        StringBuilder sql = new StringBuilder();
        sql.append("SELECT id FROM orders");
        if (newestFirst) {
            sql.append(" ORDER BY created_at DESC");
        } else {
            sql.append(" ORDER BY created_at");
        }
        return jdbc.queryForList(sql.toString());
    }

    List<Map<String, Object>> plusAssign(String region) {
        String sql = "SELECT id FROM orders";
        if (region != null) {
            sql += " WHERE region = '" + region + "'";
        }
        return jdbc.queryForList(sql);
    }

    List<Map<String, Object>> format(String table, int limit) {
        return jdbc.queryForList(String.format("SELECT id FROM %s WHERE total > %d LIMIT %d", table, 10, limit));
    }

    List<Map<String, Object>> formatted(String column) {
        return jdbc.queryForList("SELECT %s FROM orders WHERE id = ?".formatted(column), 1);
    }

    List<Map<String, Object>> joined() {
        return jdbc.queryForList(String.join(" ", "SELECT id", "FROM orders", "WHERE status = 'PAID'"));
    }

    List<Map<String, Object>> joinedLines() {
        return jdbc.queryForList(String.join("\n",
                "SELECT o.id, c.name",
                "FROM orders o",
                "JOIN customers c ON c.id = o.customer_id"));
    }

    List<Map<String, Object>> ternary(boolean all) {
        String sql = all ? "SELECT id FROM orders" : "SELECT id FROM orders WHERE status = 'OPEN'";
        return jdbc.queryForList(sql);
    }

    List<Map<String, Object>> inList(List<Long> ids) {
        StringBuilder sql = new StringBuilder("SELECT id FROM orders WHERE id IN (");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(")");
        return jdbc.queryForList(sql.toString(), ids.toArray());
    }

    List<Map<String, Object>> replaced(String schema) {
        return jdbc.queryForList("SELECT id FROM {schema}.orders".replace("{schema}", schema));
    }

    List<Map<String, Object>> methodPart(String sortColumn) {
        return jdbc.queryForList("SELECT id FROM orders ORDER BY " + column(sortColumn));
    }

    void prepared(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
            ps.executeUpdate();
        }
    }

    List<Map<String, Object>> branches(boolean mine, long owner) {
        String sql = "SELECT id FROM orders";
        List<Map<String, Object>> rows;
        if (mine) {
            sql += " WHERE owner_id = ?";
            rows = jdbc.queryForList(sql, owner);
        } else {
            rows = jdbc.queryForList(sql);
        }
        return rows;
    }

    List<Map<String, Object>> helperAppends(Long status) {
        StringBuilder sql = new StringBuilder("SELECT id FROM orders WHERE orders.");
        Conditions.equalTo("status", status, sql);
        sql.append(" ORDER BY id");
        return jdbc.queryForList(sql.toString());
    }

    List<Map<String, Object>> modifier(Dialect dialect) {
        return jdbc.queryForList("select " + dialect.calcFoundRows() + " o.id, o.total from orders o");
    }

    List<Map<String, Object>> reassigned(String extraCriteria, Long office) {
        String sql = "SELECT id FROM tellers t";
        if (extraCriteria != null) {
            sql += " WHERE " + extraCriteria;
        }
        sql = sql + " ORDER BY t.name";
        return jdbc.queryForList(sql);
    }

    List<Map<String, Object>> unknownStart(Helper helper) {
        String sql = helper.columns() + " FROM orders o WHERE o.id = ?";
        return jdbc.query(sql, (rs, i) -> Map.of());
    }

    List<Map<String, Object>> elseIf(List<String> types) {
        String sql = "";
        List<Map<String, Object>> rows = null;
        if (types == null) {
            sql = "SELECT id FROM calendars ORDER BY start_date";
            rows = jdbc.queryForList(sql);
        } else if (!types.isEmpty()) {
            sql = "SELECT id FROM calendars WHERE type IN (?) ORDER BY start_date";
            rows = jdbc.queryForList(sql, types);
        }
        return rows;
    }

    List<Map<String, Object>> fused(String columns) {
        return jdbc.queryForList("select" + columns + "from orders");
    }

    List<Integer> countsSince(List<java.util.Date> dates) {
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < dates.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append("count(*) filter (where created >= ?) as c").append(i);
        }
        sql.append(" from orders");
        return jdbc.queryForList(sql.toString(), Integer.class, dates.toArray());
    }

    void copy(String table, List<String> columns) {
        String names = String.join(", ", columns);
        jdbc.execute(String.format("insert into %s (%s) select %s from %s where archived", table + "_copy", names, names,
                table));
    }

    int touch(javax.persistence.EntityManager em, List<String> ids, String tenant) {
        // a parameter prefix chosen at run time (':' for one JPA provider, '?' for another), twice
        return em.createNativeQuery("UPDATE targets SET seen = " + Dialect.paramPrefix() + "seen WHERE id IN ("
                + Dialect.inClause("id", ids) + ") AND tenant = " + Dialect.paramPrefix() + "tenant").executeUpdate();
    }

    List<Long> sent(Dialect dialect, int limit) {
        // the dialect's own LIMIT syntax, chosen at run time: still a row bound
        String bound = limit > 0 ? " " + dialect.limit(limit) : "";
        return jdbc.queryForList("select id from messages where status = 2" + bound, Long.class);
    }

    List<Map<String, Object>> chainedStart(String status) {
        // appends chained on the constructor belong to the text, before the conditional ones
        StringBuilder sql = new StringBuilder(BASE).append(" WHERE 1 = 1");
        if (status != null) {
            sql.append(" AND status = ?");
        }
        return jdbc.queryForList(sql.toString());
    }

    List<Map<String, Object>> captured(org.springframework.transaction.support.TransactionTemplate tx, String email) {
        // a local of the method, read inside a lambda (captured, so effectively final)
        String sql = "SELECT id FROM customers WHERE email = ?";
        return tx.execute(status -> jdbc.queryForList(sql, email));
    }

    void each(List<String> statements) {
        String sql = "DELETE FROM orders";
        // the lambda's own parameter is no local of the method: unknown here
        statements.forEach(statement -> jdbc.execute(statement));
    }

    List<String> memberships(String user) {
        return jdbc.queryForList(unitsOf(user, "user_membership"), String.class);
    }

    List<String> searchScopes(String user) {
        return jdbc.queryForList(unitsOf(user, "user_search_units"), String.class);
    }

    // the caller's table is known at each call; the user is a bind value
    private String unitsOf(String user, String table) {
        return "SELECT ou.uid FROM org_unit ou JOIN " + table + " m ON m.unit_id = ou.id WHERE m.user_name = '" + user + "'";
    }

    List<Map<String, Object>> audits(SqlHelper hlp, String type, String scope) {
        // a helper that says "where" the first time and "and" after
        StringBuilder sql = new StringBuilder("SELECT id, kind FROM audit");
        if (type != null) {
            sql.append(hlp.whereAnd()).append("kind = ?");
        }
        if (scope != null) {
            sql.append(hlp.whereAnd()).append("scope = ?");
        }
        return jdbc.queryForList(sql.toString());
    }

    List<Map<String, Object>> auditsOfUnits(SqlHelper hlp, List<String> paths) {
        // "or" after the first pass of a loop, nothing before it; a helper of the class appends the clause
        StringBuilder sql = new StringBuilder("SELECT id, kind FROM audit");
        StringBuilder where = new StringBuilder();
        unitClause(hlp, where, paths);
        sql.append(where);
        return jdbc.queryForList(sql.toString());
    }

    private void unitClause(SqlHelper hlp, StringBuilder where, List<String> paths) {
        where.append(hlp.whereAnd()).append("(");
        for (String path : paths) {
            where.append(hlp.or()).append("unit_path like '").append(path).append("%'");
        }
        where.append(" )");
    }

    List<Map<String, Object>> auditsOf(SqlHelper hlp, String user) {
        return jdbc.queryForList("SELECT id FROM audit" + restrictions(hlp, user) + " ORDER BY id");
    }

    private String restrictions(SqlHelper hlp, String user) {
        return hlp.whereAnd() + " created_by = '" + user + "'" + hlp.whereAnd() + " deleted = false";
    }

    private String tablePrefix = "BATCH_";

    List<Map<String, Object>> runningJobs() {
        return jdbc.queryForList(withPrefix("SELECT job_id, status FROM %PREFIX%JOB_EXECUTION WHERE end_time IS NULL"));
    }

    // Spring Batch's way: a query template, and the table prefix put in by the class's own helper
    private String withPrefix(String base) {
        return org.springframework.util.StringUtils.replace(base, "%PREFIX%", tablePrefix);
    }

    List<Map<String, Object>> since(java.util.Date from, java.util.Date to, Boolean visible) {
        // a connector before each condition but the first, every branch folded: no "WHERE AND"
        StringBuilder where = new StringBuilder();
        if (from != null) {
            where.append(" created > ?");
        }
        if (to != null) {
            if (where.length() > 0) {
                where.append(" AND ");
            }
            where.append(" created < ?");
        }
        if (visible != null) {
            if (where.length() > 0) {
                where.append(" AND ");
            }
            where.append(" visible = ?");
        }
        return jdbc.queryForList("SELECT id FROM weblog WHERE " + (from == null ? " AND " : "") + where + " ORDER BY created");
    }

    List<Map<String, Object>> metrics(List<String> kinds, String update, Object value, String whereClause) {
        // one SELECT per kind joined by UNION: the separator goes before every part but the first
        StringBuilder query = new StringBuilder();
        for (String kind : kinds) {
            if (query.length() != 0) {
                query.append("\nUNION\n");
            }
            query.append(String.format("SELECT name, value FROM metric WHERE kind = '%s'", kind));
        }
        jdbc.update(String.format("UPDATE %s SET %s = ", "metric", update) + escape(value) + " " + whereClause);
        return jdbc.queryForList(query.toString());
    }

    private static String escape(Object value) {
        return "'" + value + "'";
    }

    private static String column(String name) {
        return name;
    }
}
