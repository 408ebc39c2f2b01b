package desk.db;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.result.ResultIterable;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.customizer.MaxRows;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** JDBI's SqlObject API: the SQL on the method, read as the method returns it. */
interface TicketDao {

    @SqlQuery("select id, title from tickets")
    List<Ticket> all();

    @SqlQuery("select id, title from tickets where id = :id")
    Optional<Ticket> byId(@Bind("id") long id);

    @SqlQuery("select id, title from tickets where status = :status")
    Stream<Ticket> byStatus(@Bind("status") String status);

    @SqlQuery("select id, title from tickets where project_id = :p")
    ResultIterable<Ticket> ofProject(@Bind("p") long project);

    @SqlQuery("select count(*) from tickets where status = :status")
    long count(@Bind("status") String status);

    @SqlQuery("select id, title from tickets where id in (<ids>)")
    List<Ticket> byIds(@BindList("ids") List<Long> ids);

    @SqlQuery("select id, title from <table> where owner = :owner")
    List<Ticket> ofOwner(@Define("table") String table, @Bind("owner") String owner);

    @MaxRows(25)
    @SqlQuery("select id, title from tickets where title like :q")
    List<Ticket> search(@Bind("q") String q);

    @SqlUpdate("update tickets set status = :status where id = :id")
    int close(@Bind("id") long id, @Bind("status") String status);

    // the SQL is in TicketDao/exportAll.sql, scanned as a SQL file of its own
    @SqlQuery
    List<Ticket> exportAll();
}

/** JDBI's fluent API: SQL on a Handle, never JPQL. */
class TicketRepository {

    private final Jdbi jdbi;

    TicketRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<Ticket> open() {
        return jdbi.withHandle(h -> h.createQuery("select t.* from tickets t where t.status = 'OPEN'")
                .mapTo(Ticket.class)
                .list());
    }

    Optional<Ticket> first(String status) {
        return jdbi.withHandle(handle -> handle.createQuery("select id, title from tickets where status = :s order by id")
                .bind("s", status)
                .mapTo(Ticket.class)
                .findFirst());
    }

    List<Map<String, Object>> recent(Handle handle) {
        return handle.createQuery("select id, title from tickets order by created desc")
                .setMaxRows(50)
                .mapToMap()
                .list();
    }

    List<Map<String, Object>> everything(Handle handle) {
        return handle.select("select id, title from tickets").mapToMap().list();
    }

    Ticket one(Handle handle, long id) {
        return handle.createQuery("select id, title from tickets where id = :id").bind("id", id).mapTo(Ticket.class).one();
    }

    int touch(long id) {
        return jdbi.withHandle(h -> h.createUpdate("update tickets set updated = now() where id = :id")
                .bind("id", id).execute());
    }

    Iterator<Ticket> walk(Handle handle) {
        return handle.createQuery("select id, title from tickets").mapTo(Ticket.class).iterator();
    }
}

record Ticket(long id, String title) {
}
