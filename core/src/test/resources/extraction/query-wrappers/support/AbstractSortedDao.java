package shop.support;

import java.util.List;

/** A middle layer in a file of its own whose helpers hand their text on to the root's wrappers. */
public abstract class AbstractSortedDao<T> extends AbstractHibernateDao<T> {

    /** Over findMany, inherited: its callers' texts are read as a list, in the order they name. */
    protected List<T> findSorted(Object context, String query, String order) {
        return findMany(context, query + " order by " + order);
    }

    /** Over createQuery, through super: its callers' texts, the first page only. */
    protected List<?> firstPage(Object context, String query) {
        return super.createQuery(context, query).setMaxResults(25).getResultList();
    }
}
