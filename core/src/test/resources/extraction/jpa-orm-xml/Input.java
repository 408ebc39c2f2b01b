package shop.ship;

import jakarta.persistence.EntityManager;
import java.util.List;

class ShipmentDao {

    private final EntityManager em;

    ShipmentDao(EntityManager em) {
        this.em = em;
    }

    List<Shipment> pending() {
        return em.createNamedQuery("Shipment.pending", Shipment.class).getResultList();
    }

    Shipment nextLate() {
        return em.createNamedQuery("Shipment.late", Shipment.class).setMaxResults(1).getSingleResult();
    }
}
