package shop.ui;

import java.sql.SQLException;
import java.util.concurrent.Executor;
import javax.swing.JButton;
import javax.swing.JLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestTemplate;

/**
 * Strings that read like SQL but never reach a database: none of them is a query.
 * Javadoc: "SELECT * FROM users" is only documentation.
 */
class CheckoutScreen {

    private static final Logger log = LoggerFactory.getLogger(CheckoutScreen.class);
    private static final String HELP = "Select the items from your cart, then press Update.";

    private final RestTemplate restTemplate = new RestTemplate();
    private final TransactionTemplate transactionTemplate;
    private final Executor executor;
    private final SearchClient search;
    private final Commands c;

    CheckoutScreen(TransactionTemplate transactionTemplate, Executor executor, SearchClient search, Commands c) {
        this.transactionTemplate = transactionTemplate;
        this.executor = executor;
        this.search = search;
        this.c = c;
    }

    void render() {
        // SELECT * FROM carts -- a comment, not a query
        JLabel label = new JLabel("Select all items from the list");
        JButton delete = new JButton("Delete from cart");
        label.setText("Update your address");
        System.out.println("Insert into the queue: " + delete.getText());
        log.info("SELECT * FROM orders took {} ms", 12);
        log.debug("delete from cart failed for user " + label.getText());
        log.warn(String.format("update of %s failed", "cart"));
    }

    void fail(long id) throws SQLException {
        throw new SQLException("DELETE FROM orders WHERE id = " + id + " failed");
    }

    void calls() {
        restTemplate.execute("https://example.org/select", null, null, null);
        transactionTemplate.execute(status -> null);
        executor.execute(() -> log.info("update done"));
        search.query("select from catalog");
        c.execute("Update failed for user");
        c.execute("Select a country.");
    }

    interface SearchClient {
        void query(String text);
    }

    interface Commands {
        void execute(String text);
    }
}
