package shop.legacy;

import java.util.Iterator;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.criterion.DetachedCriteria;
import org.springframework.jdbc.core.support.JdbcDaoSupport;
import org.springframework.orm.hibernate5.HibernateTemplate;
import org.springframework.orm.hibernate5.support.HibernateDaoSupport;

/** Spring's HibernateTemplate, the way 2009 code used it. */
class ItemTemplateDao extends HibernateDaoSupport {

    List<?> byQuantity(int quantity) {
        return getHibernateTemplate().find("from Item i where i.quantity < ?", quantity);
    }

    List<?> bySku(String sku) {
        return getHibernateTemplate().findByNamedParam("from Item i where i.sku = :sku", "sku", sku);
    }

    List<Item> all() {
        return getHibernateTemplate().loadAll(Item.class);
    }

    List<?> bySupplier(String supplier) {
        return getHibernateTemplate().findByNamedQuery("Item.bySupplier", supplier);
    }

    int clear(String supplier) {
        return getHibernateTemplate().bulkUpdate("delete from Item i where i.supplier = ?", supplier);
    }

    Iterator<?> walk() {
        return getHibernateTemplate().iterate("from Item");
    }

    List<?> byCriteria(DetachedCriteria criteria) {
        return getHibernateTemplate().findByCriteria(criteria);
    }

    // not a template: a finder of a class of its own
    List<String> find(String what) {
        return List.of(what);
    }

    List<String> own() {
        return find("from the shelf");
    }
}

class TemplateHolder {

    private final HibernateTemplate template;

    TemplateHolder(SessionFactory sessionFactory) {
        this.template = new HibernateTemplate(sessionFactory);
    }

    List<?> cheap() {
        return template.find("select i.sku from Item i where i.quantity = 0");
    }
}

/** Spring's JdbcDaoSupport: getJdbcTemplate() is a JdbcTemplate, even with a typo in its SQL. */
class ItemJdbcDao extends JdbcDaoSupport {

    List<String> skus(String supplier) {
        return getJdbcTemplate().queryForList("select sku form items where supplier = ?", String.class, supplier);
    }
}

/** Hibernate's legacy Query.iterate(): every row, loaded one by one. */
class ItemSessionDao {

    private final SessionFactory sessionFactory;

    ItemSessionDao(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    Iterator<?> bySupplier(String supplier) {
        return sessionFactory.getCurrentSession().createQuery("from Item i where i.supplier = :s")
                .setParameter("s", supplier)
                .iterate();
    }
}
