package shop.archive;

import org.springframework.data.jpa.repository.JpaRepository;

// the same simple name as shop.repo.InvoiceRepository, over another entity
public interface InvoiceRepository extends JpaRepository<ArchivedInvoice, Long> {
}
