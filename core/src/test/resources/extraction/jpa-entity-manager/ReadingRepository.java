package shop.data;

import jakarta.persistence.EntityManager;
import java.util.List;

class ReadingRepository {

    static final String LATEST_BY_METER = "latestByMeter";
    static final String LATEST_BY_METER_QUERY = "SELECT id, meter_id, value FROM reading WHERE meter_id = :meter";
    static final String EVERY_READING = "everyReading";

    private final EntityManager em;

    ReadingRepository(EntityManager em) {
        this.em = em;
    }

    List<ReadingEntity> latest(long meter) {
        return em.createNamedQuery(LATEST_BY_METER, ReadingEntity.class).setParameter("meter", meter).getResultList();
    }

    List<ReadingEntity> all() {
        return em.createNamedQuery(EVERY_READING, ReadingEntity.class).getResultList();
    }
}
