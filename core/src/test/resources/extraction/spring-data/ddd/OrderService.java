package shop.ddd;

class OrderService {

    private final OrderRepository orders;

    OrderService(OrderRepository orders) {
        this.orders = orders;
    }

    Order one(OrderId id) {
        return orders.findById(id);
    }
}
