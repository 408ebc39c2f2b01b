package demo.jpa;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.Session;

class Reports {

    private final EntityManager em;
    private final Session session;

    Reports(EntityManager em, Session session) {
        this.em = em;
        this.session = session;
    }

    List<Order> allOrders() {
        //~ L1 expect unbounded-result
        return em.createQuery("select o from Order o", Order.class).getResultList();
    }

    List<Order> firstPage() {
        //~ L1 expect none
        return em.createQuery("select o from Order o order by o.id", Order.class).setMaxResults(50).getResultList();
    }

    List<Order> open() {
        // reads the named query whole: reported at its @NamedQuery
        //~ L1 expect none
        return em.createNamedQuery("Order.open", Order.class).getResultList();
    }

    List<Object[]> nativeRows() {
        //~ L1 expect select-star unbounded-result
        return em.createNativeQuery("SELECT * FROM orders").getResultList();
    }

    List<Order> hql(String status) {
        //~ L1 expect missing-pagination
        return session.createSelectionQuery("from Order where status = :status", Order.class).setParameter("status", status).list();
    }

    Order byNumber(String number) {
        //~ L1 expect none
        return session.createQuery("from Order o where o.number = :n", Order.class).setParameter("n", number).uniqueResult();
    }
}
