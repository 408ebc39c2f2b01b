package shop.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

public class OrderDao {

    private final Connection connection;

    public OrderDao(Connection connection) {
        this.connection = connection;
    }

    public List<Long> idsOfCustomer(long customer) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(OrderSql.BY_CUSTOMER)) {
            st.setLong(1, customer);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
