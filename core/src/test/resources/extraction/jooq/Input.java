package shop.jooq;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;
import static shop.db.Tables.CUSTOMER;
import static shop.db.Tables.ORDERS;
import static shop.db.Tables.ORDER_LINE;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.impl.DSL;
import shop.db.tables.Customer;

class OrderQueries {

    private static final String RECENT = "select id, total from orders where created_at > ? limit 50";
    private static final Customer BUYER = CUSTOMER.as("buyer");

    private final DSLContext dsl;
    private final HttpClient http;

    OrderQueries(DSLContext dsl, HttpClient http) {
        this.dsl = dsl;
        this.http = http;
    }

    List<OrdersRecord> all() {
        return dsl.selectFrom(ORDERS).fetch();
    }

    List<OrdersRecord> byStatus(String status) {
        return dsl.selectFrom(ORDERS).where(ORDERS.STATUS.eq(status)).fetch();
    }

    List<Long> firstPage(String status) {
        return dsl.select(ORDERS.ID).from(ORDERS).where(ORDERS.STATUS.eq(status)).orderBy(ORDERS.ID)
                .limit(20).fetch(ORDERS.ID);
    }

    OrdersRecord one(long id) {
        return dsl.selectFrom(ORDERS).where(ORDERS.ID.eq(id)).fetchOne();
    }

    List<Order> withBuyer(String city) {
        return dsl.select(ORDERS.ID, BUYER.NAME)
                .from(ORDERS)
                .join(BUYER).on(BUYER.ID.eq(ORDERS.CUSTOMER_ID)).and(BUYER.ACTIVE.isTrue())
                .where(BUYER.CITY.eq(city))
                .fetchInto(Order.class);
    }

    Stream<OrdersRecord> streamed() {
        return dsl.selectFrom(ORDERS).fetchStream();
    }

    List<Order> mapped() {
        return dsl.selectFrom(ORDERS).fetch().into(Order.class);
    }

    List<OrdersRecord> search(String status, Long customer) {
        Condition c = noCondition();
        if (status != null) {
            c = c.and(ORDERS.STATUS.eq(status));
        }
        if (customer != null) {
            c = c.and(ORDERS.CUSTOMER_ID.eq(customer));
        }
        return dsl.selectFrom(ORDERS).where(c).fetch();
    }

    List<OrdersRecord> searchList(String status) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(ORDERS.DELETED.isFalse());
        if (status != null) {
            conditions.add(ORDERS.STATUS.eq(status));
        }
        return dsl.selectFrom(ORDERS).where(conditions).fetch();
    }

    List<OrdersRecord> helper(String q) {
        return dsl.selectFrom(ORDERS).where(matching(q)).fetch();
    }

    private Condition matching(String q) {
        return q == null ? noCondition() : ORDERS.NOTE.containsIgnoreCase(q);
    }

    List<Record> either(String a, String b) {
        return dsl.select().from(ORDERS).where(ORDERS.STATUS.eq(a)).or(ORDERS.STATUS.eq(b)).fetch();
    }

    List<Record> plainTemplate(long id) {
        return DSL.using((Connection) null, SQLDialect.POSTGRES)
                .select(field("note"))
                .from(table("archived_orders"))
                .where(field("customer_id").eq(id))
                .fetch();
    }

    List<Record> perCustomer() {
        return dsl.select(ORDERS.CUSTOMER_ID, count()).from(ORDERS).groupBy(ORDERS.CUSTOMER_ID).fetch();
    }

    int counted(String status) {
        return dsl.selectCount().from(ORDERS).where(ORDERS.STATUS.eq(status)).fetchOne(0, int.class);
    }

    List<OrdersRecord> bigSpenders() {
        return dsl.selectFrom(ORDERS)
                .where(ORDERS.CUSTOMER_ID.in(select(CUSTOMER.ID).from(CUSTOMER).where(CUSTOMER.VIP.isTrue())))
                .fetch();
    }

    List<Record> starred(long id) {
        return dsl.select(ORDERS.asterisk()).from(ORDERS).join(ORDER_LINE).onKey().where(ORDER_LINE.SKU.eq("x")).fetch();
    }

    List<OrdersRecord> table() {
        return dsl.fetch(ORDERS);
    }

    OrdersRecord tableOne(long id) {
        return dsl.fetchOne(ORDERS, ORDERS.ID.eq(id));
    }

    int tableCount() {
        return dsl.fetchCount(ORDERS);
    }

    List<Record> plain(long customer) {
        return dsl.fetch("select id, total from orders where customer_id = ?", customer);
    }

    List<Record> recent(Object since) {
        return dsl.resultQuery(RECENT, since).fetch();
    }

    void purge(long id) {
        dsl.deleteFrom(ORDERS).where(ORDERS.ID.eq(id)).execute();
        dsl.execute("delete from order_line where order_id = ?", id);
    }

    Select<OrdersRecord> notRunHere(String status) {
        return dsl.selectFrom(ORDERS).where(ORDERS.STATUS.eq(status));
    }

    Object httpFetch(Fetcher f) {
        return f.fetch().stream();
    }

    List<OrdersRecord> keptInVariable(String status) {
        var q = dsl.selectFrom(ORDERS).where(ORDERS.STATUS.eq(status));
        return q.limit(5).fetch();
    }

    interface Fetcher {
        List<String> fetch();
    }
}
