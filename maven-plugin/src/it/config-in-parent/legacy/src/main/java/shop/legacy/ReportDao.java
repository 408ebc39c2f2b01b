package shop.legacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

public class ReportDao {

    private final Connection connection;

    public ReportDao(Connection connection) {
        this.connection = connection;
    }

    public String supplierOfOrder(long orderId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT s.name FROM orders o "
                + "JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id "
                + "JOIN suppliers s ON s.id = p.supplier_id WHERE o.id = ?")) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    public ResultSet order(long id) throws SQLException {
        return connection.createStatement().executeQuery("SELECT * FROM orders WHERE id = " + id);
    }
}
