package shop.people;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;

@Entity
@NamedQueries({
        @NamedQuery(name = "Customer.byEmail", query = "select c from Customer c where c.email = :email"),
        @NamedQuery(name = Customer.VIP, query = "select c from Customer c where c.vip = true"),
        @NamedQuery(name = "Customer.recent",
                query = "select c from Customer c order by c.created desc")
})
@NamedNativeQuery(name = "Customer.totals", query = "SELECT customer_id, sum(total) FROM orders GROUP BY customer_id")
public class Customer {

    public static final String VIP = "Customer.vip";

    @Id
    private Long id;
}
