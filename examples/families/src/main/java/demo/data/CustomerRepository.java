package demo.data;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CustomerRepository extends JpaRepository<Customer, Long> {

    //~ L1 expect missing-pagination
    List<Customer> findByCountry(String country);

    //~ L1 expect none
    Page<Customer> findByCountry(String country, Pageable pageable);

    //~ L1 expect none
    Optional<Customer> findByEmail(String email);

    //~ L2 expect excessive-joins
    @Query("select c from Customer c join c.orders o join o.lines l join l.product p join p.supplier s join s.country k join k.region r where c.id = :id")
    List<Customer> graph(long id);
}
