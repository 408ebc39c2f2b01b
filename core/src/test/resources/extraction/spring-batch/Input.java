package shop.batch;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.item.database.JdbcBatchItemWriter;
import org.springframework.batch.item.database.JdbcCursorItemReader;
import org.springframework.batch.item.database.JdbcPagingItemReader;
import org.springframework.batch.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.batch.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.item.database.builder.JpaCursorItemReaderBuilder;
import org.springframework.batch.item.database.support.PostgresPagingQueryProvider;
import org.springframework.jdbc.object.MappingSqlQuery;
import org.springframework.jdbc.object.SqlUpdate;

class Input {

    JdbcCursorItemReader<Order> everyOrder(DataSource ds) {
        return new JdbcCursorItemReaderBuilder<Order>().name("orders").dataSource(ds)
                .sql("SELECT id, total FROM orders ORDER BY id").rowMapper(null).build();
    }

    JdbcCursorItemReader<Order> firstThousand(DataSource ds) {
        return new JdbcCursorItemReaderBuilder<Order>().name("orders").dataSource(ds).maxRows(1000)
                .sql("SELECT id, total FROM orders WHERE status = 'OPEN'").build();
    }

    Object jpaCursor() {
        return new JpaCursorItemReaderBuilder<Order>().name("jpa").queryString("select o from Order o").build();
    }

    JdbcPagingItemReader<Order> paged(DataSource ds) {
        return new JdbcPagingItemReaderBuilder<Order>().name("paged").dataSource(ds)
                .selectClause("SELECT *").fromClause("FROM orders").whereClause("status = :status").pageSize(100).build();
    }

    Object provider() {
        PostgresPagingQueryProvider provider = new PostgresPagingQueryProvider();
        provider.setSelectClause("id, total");
        provider.setFromClause("orders o JOIN customers c ON c.id = o.customer_id");
        return provider;
    }

    JdbcBatchItemWriter<Order> writer(DataSource ds) {
        return new JdbcBatchItemWriterBuilder<Order>().dataSource(ds)
                .sql("INSERT INTO order_archive (id, total) VALUES (:id, :total)").beanMapped().build();
    }

    static class DormantReader extends JdbcCursorItemReader<Order> {
        DormantReader(DataSource ds) {
            setDataSource(ds);
            setSql("SELECT id FROM customers WHERE status = 'DORMANT'");
        }
    }

    static class OrdersByCustomer extends MappingSqlQuery<Order> {
        OrdersByCustomer(DataSource ds) {
            super(ds, "SELECT id, total FROM orders WHERE customer_id = ?");
        }

        @Override
        protected Order mapRow(java.sql.ResultSet rs, int n) {
            return null;
        }
    }

    static class MarkShipped extends SqlUpdate {
        MarkShipped(DataSource ds) {
            super(ds, "UPDATE orders SET status = 'SHIPPED' WHERE id = ?");
        }
    }

    private final OrdersByCustomer byCustomer = new OrdersByCustomer(null);

    List<Order> ordersOf(long customer) {
        return byCustomer.execute(customer);
    }

    record Order(long id) {
    }
}
