package shop.support;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.criteria.CriteriaQuery;
import java.util.List;

/** The root of a DAO hierarchy: its createQuery(context, hql) hands the text to the session. */
public abstract class AbstractHibernateDao<T> {

    protected EntityManager em;

    public Query createQuery(Object context, String query) {
        return em.createQuery(query);
    }

    /** A wrapper of the wrapper above: its callers' texts are read as a list. */
    public List<T> findMany(Object context, String query) {
        return createQuery(context, query).getResultList();
    }

    public Query createQuery(Object context, CriteriaQuery<?> criteria) {
        return em.createQuery(criteria);
    }
}
