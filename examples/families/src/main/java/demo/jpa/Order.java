package demo.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

//~ L1 expect none
@NamedQuery(name = "Order.open", query = "select o from Order o where o.status = 'OPEN'")
@Entity
@Table(name = "orders")
public class Order {

    @Id
    private Long id;

    private String status;

    private String number;
}
