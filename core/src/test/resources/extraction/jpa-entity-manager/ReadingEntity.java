package shop.data;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQueries;
import jakarta.persistence.NamedNativeQuery;

/** Named queries whose name and text are constants of another class, the repository that runs them. */
@Entity
@NamedNativeQueries({
        @NamedNativeQuery(name = ReadingRepository.LATEST_BY_METER, query = ReadingRepository.LATEST_BY_METER_QUERY,
                resultClass = ReadingEntity.class),
        @NamedNativeQuery(name = ReadingRepository.EVERY_READING, query = "SELECT id, meter_id, value FROM reading")
})
public class ReadingEntity {

    @Id
    private Long id;
}
