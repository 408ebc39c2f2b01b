package shop;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Each query here is one way of telling QueryLint a finding is known and accepted. */
public class ReportDao {

    private final Connection connection;

    public ReportDao(Connection connection) {
        this.connection = connection;
    }

    /** One rule suppressed on the method: select-star is accepted, nothing else fires. */
    @SuppressWarnings("querylint:select-star")
    public ResultSet order(long id) throws SQLException {
        return connection.createStatement().executeQuery("SELECT * FROM orders WHERE id = " + id);
    }

    /** Every rule suppressed on the method. */
    @SuppressWarnings("querylint")
    public List<String> everyCountry() throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = connection.createStatement().executeQuery("SELECT * FROM countries")) {
            while (rs.next()) {
                out.add(rs.getString("name"));
            }
        }
        return out;
    }

    public ResultSet customer(long id) throws SQLException {
        // querylint:ignore select-star -- the export mirrors the table
        return connection.createStatement().executeQuery("SELECT * FROM customers WHERE id = " + id);
    }

    /** Not suppressed: the one finding left. */
    public ResultSet supplier(long id) throws SQLException {
        return connection.createStatement().executeQuery("SELECT * FROM suppliers WHERE id = " + id);
    }
}
