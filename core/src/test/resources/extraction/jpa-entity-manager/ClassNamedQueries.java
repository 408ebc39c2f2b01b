package shop.people;

import jakarta.persistence.EntityManager;
import java.util.List;

/** Queries that name their entity by its class ("from " + Customer.class.getSimpleName()), as legacy DAOs do. */
public class ClassNamedQueries {

    private final EntityManager em;

    public ClassNamedQueries(EntityManager em) {
        this.em = em;
    }

    public List<Customer> vips() {
        return em.createQuery("select c from " + Customer.class.getSimpleName() + " c where c.vip = true", Customer.class)
                .getResultList();
    }

    public List<Customer> all() {
        return em.createQuery("from " + Customer.class.getName(), Customer.class).getResultList();
    }

    public long count() {
        return em.createQuery("select count(c) from " + shop.people.Customer.class.getCanonicalName() + " c", Long.class)
                .getSingleResult();
    }

    public List<Customer> ofType(Class<? extends Customer> type) {
        // a class chosen at run time is still unknown
        return em.createQuery("from " + type.getSimpleName(), Customer.class).getResultList();
    }
}
