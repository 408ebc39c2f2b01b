package shop.stock;

import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.query.Page;

class StockRepository {

    private final SessionFactory sessionFactory;

    StockRepository(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    List<Item> all() {
        Session session = sessionFactory.getCurrentSession();
        return session.createQuery("from Item", Item.class).list();
    }

    List<Item> lowStock(int threshold) {
        return sessionFactory.getCurrentSession()
                .createSelectionQuery("from Item i where i.quantity < :threshold", Item.class)
                .setParameter("threshold", threshold)
                .getResultList();
    }

    List<Item> firstPage() {
        return sessionFactory.getCurrentSession()
                .createSelectionQuery("from Item i order by i.sku", Item.class)
                .setPage(Page.first(25))
                .getResultList();
    }

    Optional<Item> bySku(String sku) {
        return sessionFactory.getCurrentSession()
                .createSelectionQuery("from Item i where i.sku = :sku", Item.class)
                .setParameter("sku", sku)
                .uniqueResultOptional();
    }

    Item one(long id) {
        return sessionFactory.getCurrentSession()
                .createQuery("select i from Item i where i.id = :id", Item.class)
                .setParameter("id", id)
                .uniqueResult();
    }

    int restock() {
        return sessionFactory.getCurrentSession()
                .createMutationQuery("update Item i set i.quantity = i.quantity + 10 where i.quantity = 0")
                .executeUpdate();
    }

    List<Object[]> raw() {
        return sessionFactory.openSession().createNativeQuery("SELECT sku, quantity FROM items", Object[].class).list();
    }

    void purge(Session session) {
        session.createNativeMutationQuery("DELETE FROM items WHERE discontinued = true").executeUpdate();
    }

    void scan(Session session) {
        try (var results = session.createQuery("from Item", Item.class).scroll()) {
            while (results.next()) {
                results.get();
            }
        }
    }

    List<Item> legacy(Session session) {
        return session.createSQLQuery("SELECT * FROM items").list();
    }

    List<Item> named(Session session) {
        return session.getNamedQuery("Item.inStock").list();
    }

    long count(Session session) {
        return session.createSelectionQuery("from Item", Item.class).getResultCount();
    }
}
