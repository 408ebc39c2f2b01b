package shop.ddd;

import java.util.List;

/** A domain repository of the application's own, not Spring Data's: its methods are no derived queries. */
public interface OrderRepository extends DomainRepository<Order, OrderId> {

    List<Order> findByCustomer(CustomerId customer);
}
