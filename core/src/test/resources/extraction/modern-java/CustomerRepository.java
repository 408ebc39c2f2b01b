package shop.modern;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

    /** Its own inherited findAll(Sort), with no receiver: every customer. */
    default List<Customer> everyoneByName() {
        return findAll(Sort.by("name"));
    }
}
