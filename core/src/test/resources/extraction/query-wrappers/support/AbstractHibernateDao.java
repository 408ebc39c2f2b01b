package shop.support;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.criteria.CriteriaQuery;

/** The root of a DAO hierarchy: its createQuery(context, hql) hands the text to the session. */
public abstract class AbstractHibernateDao<T> {

    protected EntityManager em;

    public Query createQuery(Object context, String query) {
        return em.createQuery(query);
    }

    public Query createQuery(Object context, CriteriaQuery<?> criteria) {
        return em.createQuery(criteria);
    }
}
