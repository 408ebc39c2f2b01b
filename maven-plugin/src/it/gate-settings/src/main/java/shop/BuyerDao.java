package shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The endpoint behind "every user who bought product X", as it shipped. */
public class BuyerDao {

    private final Connection connection;

    public BuyerDao(Connection connection) {
        this.connection = connection;
    }

    public List<String> buyersOf(long productId) throws SQLException {
        List<String> emails = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT u.* FROM users u "
                + "JOIN orders o ON o.user_id = u.id JOIN order_lines l ON l.order_id = o.id "
                + "JOIN products p ON p.id = l.product_id JOIN categories c ON c.id = p.category_id "
                + "JOIN suppliers s ON s.id = p.supplier_id JOIN addresses a ON a.user_id = u.id")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    emails.add(rs.getString("email"));
                }
            }
        }
        return emails;
    }
}
