package com.acme.tickets;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

class TicketDao {

    private final JdbcTemplate jdbc;
    private final EntityManager em;

    TicketDao(JdbcTemplate jdbc, EntityManager em) {
        this.jdbc = jdbc;
        this.em = em;
    }

    List<Map<String, Object>> everything() {
        return jdbc.queryForList("SELECT * FROM tickets");
    }

    List<Map<String, Object>> openForTeam(long team) {
        return jdbc.queryForList("""
                SELECT t.*
                  FROM tickets t
                 WHERE t.team_id = ?
                   AND t.status = 'OPEN'
                """, team);
    }

    Map<String, Object> one(long id) {
        return jdbc.queryForMap("SELECT id, title FROM tickets WHERE id = ?", id);
    }

    List<Object> export() {
        // querylint:ignore unbounded-result -- the nightly export reads every order on purpose
        return em.createQuery("select o from Order o", Object.class).getResultList();
    }

    List<Object> broken() {
        return em.createQuery("select o from Order o where", Object.class).getResultList();
    }
}
