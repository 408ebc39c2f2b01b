package shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The same endpoint after the fix: the columns the page shows, filtered, one page at a time. */
public class BuyerDao {

    private final Connection connection;

    public BuyerDao(Connection connection) {
        this.connection = connection;
    }

    public List<String> buyersOf(long productId, int pageSize, long afterUserId) throws SQLException {
        List<String> emails = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT DISTINCT u.id, u.email FROM users u "
                + "JOIN orders o ON o.user_id = u.id JOIN order_lines l ON l.order_id = o.id "
                + "WHERE l.product_id = ? AND u.id > ? ORDER BY u.id LIMIT ?")) {
            ps.setLong(1, productId);
            ps.setLong(2, afterUserId);
            ps.setInt(3, pageSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    emails.add(rs.getString("email"));
                }
            }
        }
        return emails;
    }
}
