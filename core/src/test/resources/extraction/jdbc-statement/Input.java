package shop.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

class InvoiceDao {

    private final DataSource dataSource;

    InvoiceDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<String> invoiceNumbers() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT invoice_no FROM invoices")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    Optional<String> numberOf(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement ps = connection.prepareStatement("SELECT invoice_no FROM invoices WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return Optional.of(rs.getString(1));
                }
                return Optional.empty();
            }
        }
    }

    List<String> byCustomer(Connection connection, long customer) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(
                "SELECT invoice_no FROM invoices "
                        + "WHERE customer_id = ? "
                        + "ORDER BY issued_at DESC");
        ps.setLong(1, customer);
        ResultSet rs = ps.executeQuery();
        List<String> out = new ArrayList<>();
        while (rs.next()) {
            out.add(rs.getString(1));
        }
        // a second result set read with if: must not turn the first into a single row
        PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM invoices WHERE customer_id = ?");
        ResultSet total = count.executeQuery();
        if (total.next()) {
            out.add(String.valueOf(total.getLong(1)));
        }
        return out;
    }

    List<String> newest(Connection connection) throws SQLException {
        PreparedStatement ps = connection.prepareStatement("SELECT invoice_no FROM invoices ORDER BY issued_at DESC");
        ps.setMaxRows(20);
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    long total(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT sum(amount) FROM invoices")) {
            return rs.next() ? rs.getLong(1) : 0L;
        }
    }

    void markPaid(Connection connection, List<Long> ids) throws SQLException {
        for (Long id : ids) {
            try (PreparedStatement ps = connection.prepareStatement("UPDATE invoices SET paid = true WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
        }
    }

    void purge(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.addBatch("DELETE FROM invoice_lines WHERE invoice_id IN (SELECT id FROM invoices WHERE archived)");
            st.addBatch("DELETE FROM invoices WHERE archived");
            st.executeBatch();
            st.execute("VACUUM");
            st.executeUpdate("INSERT INTO audit (what) VALUES ('purge')");
        }
    }

    void recompute(Connection connection) throws SQLException {
        try (var call = connection.prepareCall("{call recompute_totals(?)}")) {
            call.setInt(1, 2024);
            call.execute();
        }
    }

    ResultSet raw(Connection connection) throws SQLException {
        return connection.createStatement().executeQuery("SELECT * FROM invoice_lines");
    }
}
