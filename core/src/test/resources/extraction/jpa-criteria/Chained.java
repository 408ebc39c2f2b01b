package shop.criteria;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;

/** A criteria query handed on through its own fluent calls, and one grouped by an attribute of its root. */
class Chained {

    private final EntityManager em;

    Chained(EntityManager em) {
        this.em = em;
    }

    List<Product> inCategory(Long categoryId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Product> cq = cb.createQuery(Product.class);
        Root<Product> p = cq.from(Product.class);
        cq.where(cb.equal(p.get("categoryId"), categoryId));
        return em.createQuery(cq.orderBy(cb.asc(p.get("name")))).getResultList();
    }

    List<Object[]> perCategory() {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object[]> cq = cb.createQuery(Object[].class);
        Root<Product> p = cq.from(Product.class);
        cq.multiselect(p.get("categoryId"), cb.count(p)).groupBy(p.get("categoryId"));
        return em.createQuery(cq).getResultList();
    }
}
