package shop.support;

/** A middle layer that adds nothing a query needs. */
public abstract class AbstractArchivedDao<T extends Comparable<T>> extends AbstractHibernateDao<T> {

    protected boolean archivedOnly = true;
}
