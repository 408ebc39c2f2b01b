package shop.reports;

import jakarta.persistence.Query;
import java.util.List;
import shop.support.AbstractArchivedDao;

/** Two levels below the class that declares createQuery(context, hql): the call is still that wrapper's. */
class ArchiveDao extends AbstractArchivedDao<String> {

    List<?> archived(Object context) {
        Query query = createQuery(context, "SELECT a.id FROM Archive a WHERE a.archived = :archived ORDER BY a.id");
        query.setParameter("archived", true);
        return query.getResultList();
    }

    List<?> latest(Object context) {
        Query query = createQuery(context, "SELECT a.id FROM Archive a ORDER BY a.created DESC");
        query.setMaxResults(20);
        return query.getResultList();
    }

    List<String> names(Object context) {
        return findMany(context, "SELECT a.name FROM Archive a WHERE a.owner = 'ops'");
    }
}
