package shop.reports;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;

/** A base-DAO style helper of its own that returns the query: the caller reads it. */
class CouponDao {

    private EntityManager em;

    List<?> all() {
        return createQuery("select c from Coupon c").getResultList();
    }

    Object one(long id) {
        return createQuery("select c from Coupon c where c.id = :id").setParameter("id", id).getSingleResult();
    }

    protected Query createQuery(String jpql) {
        return em.createQuery(jpql);
    }
}
