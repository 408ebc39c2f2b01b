package shop.negatives;

import java.util.List;
import java.util.Map;
import org.springframework.data.cassandra.core.cql.CqlTemplate;

/** Cassandra's CqlTemplate shares JdbcTemplate's method names; its text is CQL, for another store. */
class TelemetryReader {

    private final CqlTemplate cqlTemplate;

    TelemetryReader(CqlTemplate cqlTemplate) {
        this.cqlTemplate = cqlTemplate;
    }

    List<Map<String, Object>> today(String container) {
        return cqlTemplate.queryForList("SELECT reading_time, celsius FROM sensor_readings WHERE container_id = ?",
                container);
    }
}
