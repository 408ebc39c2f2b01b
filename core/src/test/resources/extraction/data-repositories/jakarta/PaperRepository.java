package lib.jakarta;

import jakarta.data.repository.BasicRepository;
import jakarta.data.repository.Param;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.util.List;

/** Jakarta Data: JDQL may leave out SELECT and FROM; the entity is the repository's. */
@Repository
public interface PaperRepository extends BasicRepository<Paper, Long> {

    @Query("where status = :status order by title")
    List<Paper> withStatus(@Param("status") String status);

    @Query("order by title")
    List<Paper> allByTitle();
}
