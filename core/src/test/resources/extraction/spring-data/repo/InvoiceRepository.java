package shop.repo;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import shop.billing.Invoice;

public interface InvoiceRepository extends BaseRepository<Invoice, Long> {

    // Spring Data writes the domain type's entity name for #{#entityName}
    @Query("select i from #{#entityName} i where i.paid = false")
    List<Invoice> unpaid();
}
