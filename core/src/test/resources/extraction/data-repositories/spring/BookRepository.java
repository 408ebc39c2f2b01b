package lib.spring;

import java.util.List;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/** findAll() declared again to fetch the authors along: Spring Data runs it as the repository's own. */
public interface BookRepository extends JpaRepository<Book, Long> {

    @Override
    @EntityGraph(attributePaths = "authors")
    List<Book> findAll();
}
