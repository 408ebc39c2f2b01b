package shop.dao;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/** A field a framework sets at run time, next to fields whose initializer is their most likely value. */
public class SettableTables {

    private final JdbcTemplate jdbc;

    /** Spring sets it from the configuration: "" is only the default. */
    @Value("${shop.schema}")
    protected String schema = "";

    /** A setter may replace it: its initializer is still its most likely value (a default table name). */
    private String archiveTable = "orders_archive";

    /** Never assigned again: what it starts with is what it holds. */
    private String ordersTable = "orders";

    private final String itemsTable = "order_items";

    public SettableTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void setArchiveTable(String archiveTable) {
        this.archiveTable = archiveTable;
    }

    public List<String> codesInSchema() {
        return jdbc.queryForList("select code from " + schema + ".orders where status = ?", String.class, "OPEN");
    }

    public List<String> archivedCodes() {
        return jdbc.queryForList("select code from " + archiveTable + " where status = ?", String.class, "OPEN");
    }

    public List<String> openCodes() {
        return jdbc.queryForList("select code from " + ordersTable + " where status = ?", String.class, "OPEN");
    }

    public List<String> itemSkus(long order) {
        // a local of the same name is no assignment of the field
        String ordersTable = "ignored";
        return jdbc.queryForList("select sku from " + itemsTable + " where order_id = ?", String.class, order);
    }
}
