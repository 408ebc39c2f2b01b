package shop.legacy;

import java.util.Collection;
import java.util.List;
import org.hibernate.Criteria;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.criterion.DetachedCriteria;
import org.hibernate.criterion.MatchMode;
import org.hibernate.criterion.Order;
import org.hibernate.criterion.Projections;
import org.hibernate.criterion.Restrictions;
import org.springframework.orm.hibernate5.support.HibernateDaoSupport;

/** Hibernate's legacy Criteria API: the HQL each stands for. */
class CustomerCriteriaDao {

    private final SessionFactory sessionFactory;

    CustomerCriteriaDao(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    private Session session() {
        return sessionFactory.getCurrentSession();
    }

    List<?> all() {
        return session().createCriteria(Customer.class).addOrder(Order.asc("name")).list();
    }

    List<?> byRegion(String region) {
        return session().createCriteria(Customer.class)
                .add(Restrictions.eq("region", region))
                .list();
    }

    List<?> pageOfRegion(String region, int first, int max) {
        return session().createCriteria(Customer.class)
                .add(Restrictions.eq("region", region))
                .setFirstResult(first)
                .setMaxResults(max)
                .list();
    }

    Object count(boolean active) {
        return session().createCriteria(Customer.class)
                .add(Restrictions.eq("active", active))
                .setProjection(Projections.rowCount())
                .uniqueResult();
    }

    Object byId(Long id) {
        return session().createCriteria(Customer.class).add(Restrictions.idEq(id)).uniqueResult();
    }

    List<?> byIds(Collection<Long> ids) {
        return session().createCriteria(Customer.class).add(Restrictions.in("id", ids)).list();
    }

    List<?> search(String name, String region) {
        Criteria criteria = session().createCriteria(Customer.class);
        if (name != null) {
            criteria.add(Restrictions.ilike("name", name, MatchMode.ANYWHERE));
        }
        if (region != null) {
            criteria.add(Restrictions.eq("region", region));
        }
        return criteria.list();
    }

    List<?> byManager(String username) {
        return session().createCriteria(Customer.class)
                .createAlias("accountManager", "m")
                .add(Restrictions.eq("m.username", username))
                .list();
    }

    List<?> active() {
        DetachedCriteria active = DetachedCriteria.forClass(Customer.class).add(Restrictions.eq("active", true));
        return active.getExecutableCriteria(session()).list();
    }

    // a restriction QueryLint does not write: left alone
    List<?> either(String a, String b) {
        return session().createCriteria(Customer.class)
                .add(Restrictions.or(Restrictions.eq("region", a), Restrictions.eq("region", b)))
                .list();
    }

    // handed to a helper that may restrict or page it: left alone
    List<?> paged(String region) {
        Criteria criteria = session().createCriteria(Customer.class).add(Restrictions.eq("region", region));
        return page(criteria);
    }

    private List<?> page(Criteria criteria) {
        return criteria.setMaxResults(20).list();
    }
}

class CustomerTemplateDao extends HibernateDaoSupport {

    List<?> large(int minOrders) {
        DetachedCriteria criteria = DetachedCriteria.forClass(Customer.class).add(Restrictions.gt("orders", minOrders));
        return getHibernateTemplate().findByCriteria(criteria);
    }

    List<?> largePage(int minOrders, int first, int max) {
        DetachedCriteria criteria = DetachedCriteria.forClass(Customer.class).add(Restrictions.gt("orders", minOrders));
        return getHibernateTemplate().findByCriteria(criteria, first, max);
    }
}
