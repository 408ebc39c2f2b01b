package shop.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.MessageFormat;

/** Templates a field holds until the class fills them in once: the queries run the filled text. */
class LeaderElection {

    static final String CLAIM_SQL = "insert into {0} (service_id, leader_id) values (''{1}'', ''{2}'')"
            + " on duplicate key update leader_id = if(seen < now() - interval # second, values(leader_id), leader_id)";
    static final String LEADER_SQL = "select leader_id from {0} where service_id = ''{1}''";

    private final Connection connection;
    private String claimSql = CLAIM_SQL;
    private String leaderSql = LEADER_SQL;
    private String tablePrefix = "QRTZ_";

    LeaderElection(Connection connection) {
        this.connection = connection;
    }

    void configure(String table, String service, String node, int timeout) {
        claimSql = MessageFormat.format(claimSql, table, service, node);
        claimSql = claimSql.replaceAll("#", timeout + "");
        leaderSql = MessageFormat.format(leaderSql, table, service);
        tablePrefix = table;
    }

    int claim() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(claimSql)) {
            return ps.executeUpdate();
        }
    }

    String leader() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(leaderSql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    // a plain reassignment keeps the initializer as the likely value
    ResultSet triggers() throws SQLException {
        return connection.createStatement().executeQuery("select trigger_name from " + tablePrefix + "triggers");
    }
}
