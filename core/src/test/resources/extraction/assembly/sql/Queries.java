package shop.sql;

public final class Queries {

    public static final String ORDER_COLUMNS = "o.id, o.total, o.status";
    public static final String FROM_ORDERS = " FROM orders o";
    public static final String OPEN_ORDERS = "SELECT " + ORDER_COLUMNS + FROM_ORDERS + " WHERE o.status = 'OPEN'";

    public static final class Customers {
        public static final String BY_ID = "SELECT id, name FROM customers WHERE id = ?";
    }

    private Queries() {
    }
}
