package shop.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Set;

/** A parameter per value, named by a number the loop appends: the unknown part ends the parameter's name. */
class ComboReader {

    private final EntityManager em;

    ComboReader(EntityManager em) {
        this.em = em;
    }

    List<Combo> withOptions(long comboId, Set<Option> options) {
        StringBuilder hql = new StringBuilder("from Combo co where co.category.id = :comboId");
        for (Option option : options) {
            hql.append(" and :option");
            hql.append(option.getId());
            hql.append(" member of co.options");
        }
        TypedQuery<Combo> query = em.createQuery(hql.toString(), Combo.class);
        query.setParameter("comboId", comboId);
        for (Option option : options) {
            query.setParameter("option" + option.getId(), option);
        }
        return query.getResultList();
    }

    // the connector a condition chooses: AND once the query has its WHERE
    List<Combo> conversations(String status, boolean followUpOnly, boolean unreadOnly) {
        String hql = "select c from Combo c ";
        if (status != null) {
            hql += "where c.status = :status ";
        }
        if (followUpOnly) {
            hql += (status != null ? "and" : "where") + " c.followUp = true ";
        }
        if (unreadOnly) {
            hql += (status != null || followUpOnly ? "and" : "where") + " c.read = false ";
        }
        hql += "order by c.lastMessage desc";
        return em.createQuery(hql, Combo.class).getResultList();
    }

    interface Option {
        long getId();
    }

    interface Combo {
    }
}
