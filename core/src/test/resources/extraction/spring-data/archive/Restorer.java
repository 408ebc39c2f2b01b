package shop.archive;

import java.util.List;
import shop.billing.Invoice;
import shop.repo.InvoiceRepository;

// a single-type import shadows the package's own InvoiceRepository
public class Restorer {

    private final InvoiceRepository current;

    public Restorer(InvoiceRepository current) {
        this.current = current;
    }

    public List<Invoice> live() {
        return current.findAll();
    }
}
