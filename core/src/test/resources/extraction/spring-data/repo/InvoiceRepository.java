package shop.repo;

import shop.billing.Invoice;

public interface InvoiceRepository extends BaseRepository<Invoice, Long> {
}
