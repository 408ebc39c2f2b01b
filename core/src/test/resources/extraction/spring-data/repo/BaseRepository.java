package shop.repo;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.NoRepositoryBean;

@NoRepositoryBean
public interface BaseRepository<T, ID> extends ListCrudRepository<T, ID> {

    List<T> findByArchivedFalse();

    // a generic base: which entity the name stands for depends on the repository that inherits it
    @Query("select e from #{#entityName} e where e.archived = true")
    List<T> archived();
}
