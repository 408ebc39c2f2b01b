package shop.archive;

import java.util.List;

// its own package's InvoiceRepository
public class ArchiveService {

    private final InvoiceRepository invoices;

    public ArchiveService(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    public List<ArchivedInvoice> all() {
        return invoices.findAll();
    }
}
