package shop.mongo;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

public interface ProfileRepository extends MongoRepository<Profile, String> {

    @Query("{ 'name' : ?0 }")
    List<Profile> byName(String name);

    @Query("{ 'select' : 'from' }")
    List<Profile> odd();

    List<Profile> findByCity(String city);
}
