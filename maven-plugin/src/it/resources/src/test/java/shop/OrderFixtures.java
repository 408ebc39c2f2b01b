package shop;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Test code: reviewed only with includeTests. */
public class OrderFixtures {

    static ResultSet everything(Connection connection) throws SQLException {
        return connection.createStatement().executeQuery("SELECT * FROM orders WHERE id = 1");
    }
}
