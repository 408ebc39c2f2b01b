package shop.invoices;

final class InvoiceQueries {

    static final String OPEN_OF_ACCOUNT = "SELECT * FROM invoices WHERE account_id = ? AND paid_at IS NULL";

    private InvoiceQueries() {
    }
}
