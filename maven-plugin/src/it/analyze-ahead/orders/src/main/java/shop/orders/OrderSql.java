package shop.orders;

final class OrderSql {

    static final String BY_CUSTOMER = "SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id"
            + " WHERE c.id = ?";

    private OrderSql() {
    }
}
