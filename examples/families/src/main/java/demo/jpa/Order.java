package demo.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

// judged here, by how Reports.open() runs it
//~ L1 expect missing-pagination
@NamedQuery(name = "Order.open", query = "select o from Order o where o.status = 'OPEN'")
@Entity
@Table(name = "orders")
public class Order {

    @Id
    private Long id;

    private String status;

    private String number;
}
