package shop.people;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import java.util.List;
import java.util.stream.Stream;

class CustomerDao {

    @PersistenceContext
    private EntityManager entityManager;

    List<Customer> all() {
        return entityManager.createQuery("select c from Customer c", Customer.class).getResultList();
    }

    List<Customer> page(int first, int size) {
        return entityManager.createQuery("select c from Customer c order by c.name", Customer.class)
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultList();
    }

    Customer byEmail(String email) {
        TypedQuery<Customer> q = entityManager.createQuery(
                "select c from Customer c where c.email = :email", Customer.class);
        q.setParameter("email", email);
        return q.getSingleResult();
    }

    Stream<Customer> active() {
        return entityManager.createQuery("from Customer c where c.active = true", Customer.class).getResultStream();
    }

    @SuppressWarnings("unchecked")
    List<Object[]> report() {
        return entityManager.createNativeQuery("SELECT c.id, count(o.id) FROM customers c "
                + "LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id").getResultList();
    }

    int deactivate() {
        return entityManager.createQuery("update Customer c set c.active = false where c.lastLogin < :cutoff")
                .setParameter("cutoff", java.time.LocalDate.now().minusYears(1))
                .executeUpdate();
    }

    Customer byEmailNamed(String email) {
        return entityManager.createNamedQuery("Customer.byEmail", Customer.class)
                .setParameter("email", email)
                .getSingleResult();
    }

    List<Customer> vipNamed() {
        return entityManager.createNamedQuery(Customer.VIP, Customer.class).getResultList();
    }

    List<Customer> recentNamed() {
        return entityManager.createNamedQuery("Customer.recent", Customer.class).setMaxResults(10).getResultList();
    }

    List<Object[]> totalsNamed() {
        return entityManager.createNamedQuery("Customer.totals").getResultList();
    }

    List<Customer> fromLibrary() {
        return entityManager.createNamedQuery("Library.everything", Customer.class).getResultList();
    }

    List<Customer> criteria() {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Customer> cq = cb.createQuery(Customer.class);
        cq.select(cq.from(Customer.class));
        return entityManager.createQuery(cq).getResultList();
    }

    List<Customer> passedIn(String jpql) {
        return entityManager.createQuery(jpql, Customer.class).getResultList();
    }
}
