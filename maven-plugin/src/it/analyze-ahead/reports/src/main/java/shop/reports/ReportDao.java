package shop.reports;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

public class ReportDao {

    private final Connection connection;

    public ReportDao(Connection connection) {
        this.connection = connection;
    }

    public long monthlyTotal() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT sum(total) FROM orders WHERE created > now() - interval '1 month'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
