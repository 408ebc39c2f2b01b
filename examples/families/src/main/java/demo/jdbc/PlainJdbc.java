package demo.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

class PlainJdbc {

    private final Connection connection;

    PlainJdbc(Connection connection) {
        this.connection = connection;
    }

    List<String> allNames() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = connection.createStatement();
             //~ L1 expect unbounded-result
             ResultSet rs = st.executeQuery("SELECT name FROM customers")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    String nameOf(long id) throws SQLException {
        //~ L1 expect none
        try (PreparedStatement ps = connection.prepareStatement("SELECT name FROM customers WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    int close(long id) throws SQLException {
        //~ L1 expect none
        try (PreparedStatement ps = connection.prepareStatement("UPDATE orders SET status = 'CLOSED' WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate();
        }
    }
}
