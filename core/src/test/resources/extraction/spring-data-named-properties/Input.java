package shop.crm;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomerRepository extends JpaRepository<Customer, Long> {

    List<Customer> findByRegion(String region);

    List<Customer> findRecent(Instant since);

    List<Customer> findByNameContaining(String name);
}

class CustomerDao {

    private final EntityManager em;

    CustomerDao(EntityManager em) {
        this.em = em;
    }

    Customer byEmail(String email) {
        return em.createNamedQuery("Customer.byEmail", Customer.class).setParameter("email", email).getSingleResult();
    }
}
