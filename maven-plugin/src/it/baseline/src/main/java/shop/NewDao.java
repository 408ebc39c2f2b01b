package shop;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Written after the baseline: its finding is new and must fail the build. */
public class NewDao {

    private final Connection connection;

    public NewDao(Connection connection) {
        this.connection = connection;
    }

    public List<Long> allOrderIds() throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM orders")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
