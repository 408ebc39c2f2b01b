package shop.named;

import jakarta.persistence.EntityManager;
import java.util.List;

/** A base that runs a named query by the name its caller passes. */
public abstract class NamedQueryDao<T> {

    protected EntityManager em;

    @SuppressWarnings("unchecked")
    protected List<T> findByNamedQuery(String queryName, Object... params) {
        var query = em.createNamedQuery(queryName);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.getResultList();
    }
}
