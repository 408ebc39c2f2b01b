package shop.data;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;

/** A where clause set only under a condition: without it the query reads every row. */
class CategoryDao {

    private final EntityManager em;

    CategoryDao(EntityManager em) {
        this.em = em;
    }

    // no name, no filter
    List<Category> named(String name) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Category> cq = cb.createQuery(Category.class);
        Root<Category> root = cq.from(Category.class);
        if (name != null) {
            cq.where(cb.like(root.get("name"), name + "%"));
        }
        return em.createQuery(cq).getResultList();
    }

    // the where and the run share the branch: whenever the query runs, it is filtered
    List<Category> byParent(Long parentId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Category> cq = cb.createQuery(Category.class);
        Root<Category> root = cq.from(Category.class);
        if (parentId != null) {
            cq.where(cb.equal(root.get("parentId"), parentId));
            return em.createQuery(cq).getResultList();
        }
        return List.of();
    }

    // a guard that returns early leaves the where always set
    List<Category> ofShop(Long shopId) {
        if (shopId == null) {
            return List.of();
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Category> cq = cb.createQuery(Category.class);
        Root<Category> root = cq.from(Category.class);
        cq.where(cb.equal(root.get("shopId"), shopId));
        return em.createQuery(cq).getResultList();
    }
}
