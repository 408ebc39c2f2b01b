package shop.modern;

/** Constants read unqualified by the classes that implement it. */
public interface ShipmentSql {

    String BY_ORDER = "SELECT id, carrier FROM shipments WHERE order_id = ?";
}
