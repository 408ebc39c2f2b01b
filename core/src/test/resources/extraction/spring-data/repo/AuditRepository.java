package shop.repo;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface AuditRepository extends CrudRepository<AuditEntry, Long> {

    @Query("SELECT * FROM audit_entry WHERE actor = :actor")
    java.util.List<AuditEntry> byActor(String actor);
}
