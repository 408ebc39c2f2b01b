package shop.orders;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;

public class Input {

    private EntityManager em;

    // no where: every order, with its lines and customer fetched
    List<Order> everything() {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Order> cq = cb.createQuery(Order.class);
        Root<Order> root = cq.from(Order.class);
        root.fetch("lines");
        root.join(Order_.customer);
        cq.select(root).orderBy(cb.desc(root.get("created")));
        return em.createQuery(cq).getResultList();
    }

    long count() {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> cq = cb.createQuery(Long.class);
        cq.select(cb.count(cq.from(Order.class)));
        return em.createQuery(cq).getSingleResult();
    }

    // a filter: its predicates are code, and the query is left alone
    List<Order> open(String status) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Order> cq = cb.createQuery(Order.class);
        Root<Order> root = cq.from(Order.class);
        List<Predicate> predicates = new ArrayList<>();
        if (status != null) {
            predicates.add(cb.equal(root.get("status"), status));
        }
        cq.where(predicates.toArray(new Predicate[0]));
        return em.createQuery(cq).getResultList();
    }

    // plain predicates: the JPQL they stand for
    List<Order> ofCustomer(long customerId, java.time.Instant since) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Order> cq = cb.createQuery(Order.class);
        Root<Order> root = cq.from(Order.class);
        jakarta.persistence.criteria.Join<Order, Customer> customer = root.join("customer");
        Predicate recent = cb.greaterThan(root.get("created"), since);
        cq.where(cb.equal(customer.get("id"), customerId), cb.or(recent, cb.isNull(root.get("closed"))));
        return em.createQuery(cq).getResultList();
    }

    // one predicate always applies, the other only sometimes
    List<Order> openOf(long customerId, String status) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Order> cq = cb.createQuery(Order.class);
        Root<Order> root = cq.from(Order.class);
        List<Predicate> predicates = new ArrayList<>();
        predicates.add(cb.equal(root.get("customerId"), customerId));
        if (status != null) {
            predicates.add(cb.equal(root.get("status"), status));
        }
        cq.where(predicates.toArray(new Predicate[0]));
        return em.createQuery(cq).getResultList();
    }

    // the branch that adds the predicate is the only one that reaches the query
    List<Order> mine(Long customerId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Order> cq = cb.createQuery(Order.class);
        Root<Order> root = cq.from(Order.class);
        List<Predicate> predicates = new ArrayList<>();
        if (customerId != null) {
            predicates.add(cb.equal(root.get("customerId"), customerId));
        } else {
            return List.of();
        }
        cq.where(predicates.toArray(new Predicate[0]));
        return em.createQuery(cq).getResultList();
    }

    // a predicate of a kind not read here: left alone
    List<Order> bySize() {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Order> cq = cb.createQuery(Order.class);
        Root<Order> root = cq.from(Order.class);
        cq.where(cb.gt(cb.size(root.get("lines")), 3));
        return em.createQuery(cq).getResultList();
    }

    // handed to a helper that may add the filter
    List<Order> filtered(OrderFilter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Order> cq = cb.createQuery(Order.class);
        Root<Order> root = cq.from(Order.class);
        filter.apply(cq, root, cb);
        return em.createQuery(cq).getResultList();
    }

    // bounded in the code
    List<Order> firstPage() {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Order> cq = cb.createQuery(Order.class);
        cq.select(cq.from(Order.class));
        return em.createQuery(cq).setMaxResults(50).getResultList();
    }

    interface OrderFilter {
        void apply(CriteriaQuery<Order> cq, Root<Order> root, CriteriaBuilder cb);
    }
}
