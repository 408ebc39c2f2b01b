package shop.invoices;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

public class InvoiceDao {

    private final Connection connection;

    public InvoiceDao(Connection connection) {
        this.connection = connection;
    }

    public int countOpen(long account) throws SQLException {
        int n = 0;
        try (PreparedStatement st = connection.prepareStatement(InvoiceQueries.OPEN_OF_ACCOUNT)) {
            st.setLong(1, account);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
        }
        return n;
    }
}
