package shop.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One builder variable reused for several statements: each run sees only the text built since it was started again. */
class StockReport {

    String report(Connection connection) throws SQLException {
        StringBuilder out = new StringBuilder();
        StringBuilder query = new StringBuilder();
        query.append(" select s.item_id, min(n.name) as name ");
        query.append(" from stock s, item_name n ");
        query.append(" where s.item_id = n.item_id group by s.item_id ");
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query.toString())) {
            while (rs.next()) {
                out.append(rs.getString(2));
            }
        }

        // a new builder in the same variable: the first statement is no part of the second
        query = new StringBuilder();
        query.append(" select w.item_id, count(*) as num ");
        query.append(" from warehouse w where w.active = true group by w.item_id ");
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query.toString())) {
            while (rs.next()) {
                out.append(rs.getInt(2));
            }
        }

        // a new builder that starts with text of its own
        query = new StringBuilder("select sum(qty) from stock");
        query.append(" where item_id = 7");
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query.toString())) {
            out.append(rs.next() ? rs.getLong(1) : 0);
        }

        // emptied and filled again
        query.setLength(0);
        query.append("select count(*) from warehouse");
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(query.toString())) {
            out.append(rs.next() ? rs.getLong(1) : 0);
        }
        return out.toString();
    }

    long lines(Connection connection, boolean archived) throws SQLException {
        StringBuilder sql = new StringBuilder("select count(*) from stock_line");
        if (archived) {
            sql = new StringBuilder("select count(*) from stock_line_archive");
        } else {
            sql.append(" where archived = false");
        }
        // either branch may have run: the first text stands for both, as before
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql.toString())) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
