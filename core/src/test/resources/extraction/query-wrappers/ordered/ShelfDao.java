package shop.ordered;

import java.util.List;
import org.springframework.jdbc.core.RowMapper;

/** Calls of the ordering wrapper: the order chosen at run time bounds nothing. */
public class ShelfDao extends SortedJdbcDao {

    private static final String ALL_SHELVES = "SELECT id, code FROM shelf";
    private static final RowMapper<String> CODE = (rs, i) -> rs.getString("code");

    public List<String> shelves() {
        return queryOrdered(ALL_SHELVES, "code", CODE);
    }

    public List<String> shelvesOfAisle(long aisle) {
        return queryOrdered("SELECT id, code FROM shelf WHERE aisle_id = ?", "code", CODE, aisle);
    }

    public List<java.util.Map<String, Object>> emptyShelves() {
        return rowsWhere("SELECT id, code FROM shelf", "stock = 0");
    }
}
