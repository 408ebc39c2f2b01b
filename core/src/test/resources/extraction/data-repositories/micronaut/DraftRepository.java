package lib.micronaut;

import io.micronaut.data.mongodb.annotation.MongoRepository;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

/** A MongoDB repository: no SQL, no JPQL. */
@MongoRepository
public interface DraftRepository extends CrudRepository<Draft, String> {

    List<Draft> findByReaderEmail(String readerEmail);
}
