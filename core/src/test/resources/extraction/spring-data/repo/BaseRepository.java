package shop.repo;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.NoRepositoryBean;

@NoRepositoryBean
public interface BaseRepository<T, ID> extends ListCrudRepository<T, ID> {

    List<T> findByArchivedFalse();
}
