package io.github.querylint.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The query model as Hibernate's HQL grammar fills it, for JPQL and HQL. */
class JpqlShapeTest {

    private static final JpqlParser PARSER = new JpqlParser(10_000);

    static QueryShape shape(String jpql) {
        ParseOutcome outcome = PARSER.parse(jpql);
        assertThat(outcome).as("parse of: %s", jpql).isInstanceOf(ParseOutcome.Parsed.class);
        return ((ParseOutcome.Parsed) outcome).shape();
    }

    private static Arguments row(String jpql, String facts) {
        return Arguments.of(jpql, facts);
    }

    static Stream<Arguments> blocksAndRoles() {
        return Stream.of(
                row("select o from Order o", "kind=SELECT roles=OUTERMOST entity=true tables=Order aliases=o"),
                row("from Order", "roles=OUTERMOST tables=Order entity=true agg=false"),
                row("from Order o where o.status = :s", "eq=o.status"),
                row("select o.id, o.total from Order o", "entity=false"),
                row("select new com.acme.OrderView(o.id, o.total) from Order o", "entity=false"),
                row("select o from Order o where o.total > (select avg(p.total) from Order p)",
                        "roles=OUTERMOST,SUBQUERY #1 agg=true"),
                row("select o from Order o where exists (select l from Line l where l.order = o)",
                        "roles=OUTERMOST,EXISTS_PROBE #1 tables=Line"),
                row("select o from Order o where not exists (select 1 from Line l where l.order = o)",
                        "roles=OUTERMOST,EXISTS_PROBE"),
                row("select o.id from Order o union select p.id from Payment p", "roles=SET_OPERAND,SET_OPERAND"),
                row("with recent as (select o.id as id from Order o where o.created > :d) select r.id from recent r",
                        "roles=CTE,OUTERMOST"),
                row("select s.total from (select o.customer as c, sum(o.total) as total from Order o group by o.customer) s",
                        "roles=OUTERMOST,SUBQUERY #1 grouped=true"),
                row("insert into Archive (id, total) select o.id, o.total from Order o where o.closed = true",
                        "kind=INSERT target=Archive roles=WRITE_SOURCE"),
                row("select o from Order o where o.customer.id in (select c.id from Customer c where c.vip = true)",
                        "roles=OUTERMOST,SUBQUERY"));
    }

    static Stream<Arguments> joins() {
        return Stream.of(
                row("select o from Order o join o.lines l", "joins=1 tables=Order,o.lines driving=Order"),
                row("select o from Order o left join o.lines l left outer join l.product p", "joins=2"),
                row("select distinct o from Order o join fetch o.lines", "joins=1 distinct=true"),
                row("select o from Order o left join fetch o.lines l join fetch l.product", "joins=2"),
                row("select o from Order o, Customer c where o.customerId = c.id", "joins=1 tables=Order,Customer "
                        + "restricts=false"),
                row("select o from Order o, in(o.lines) l", "joins=1 tables=Order,o.lines"),
                row("select o from Order o cross join Region r", "joins=1"),
                row("select o from Order o join Customer c on c.id = o.customerId", "joins=1"),
                // a path through associations joins each association it passes
                row("select o from Order o where o.customer.address.city = :city",
                        "joins=2 eq=o.customer.address.city"),
                row("select o.customer.name from Order o", "joins=1"),
                row("select o from Order o where o.customer.id = :id", "joins=0 eq=o.customer.id"),
                row("select o from Order o join o.customer c where c.address.city = :city", "joins=2"),
                row("select o from Order o where o.customer.address.city = :a and o.customer.address.zip = :z",
                        "joins=2"),
                row("select o from Order o where o.total > 0", "joins=0"),
                row("select o from Order o order by o.customer.name", "joins=1"),
                row("select o.status from Order o group by o.status having max(o.customer.rank) > 1", "joins=1"),
                row("select o from Order o where o.id in (select l.order.id from Line l where l.product.sku = :s)",
                        "joins=0 #1 joins=1"));
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                row("select o from Order o", "restricts=false eq=-"),
                row("select o from Order o where o.id = :id", "restricts=true eq=o.id"),
                row("select o from Order o where o.id = ?1", "eq=o.id"),
                // Spring Data's IgnoreCase: upper(o.code) = upper(?1) still proves a key lookup
                row("select o from Order o where upper(o.code) = upper(?1)", "eq=o.code"),
                row("select o from Order o where lower(o.code) = :code", "eq=o.code"),
                row("select o from Order o where length(o.code) = :n", "eq=-"),
                row("select o from Order o where :id = o.id", "eq=o.id"),
                row("select o from Order o where o.status = 'OPEN' and o.tenant = :t", "eq=o.status,o.tenant"),
                row("select o from Order o where o.created > :d", "ranges=true eq=-"),
                row("select o from Order o where o.created between :a and :b", "ranges=true"),
                row("select o from Order o where o.name like :n", "patterns=true"),
                row("select o from Order o where o.name not like :n", "patterns=true"),
                row("select o from Order o where 1 = 1", "restricts=false"),
                row("select o from Order o where o.id is NOT null", "restricts=false"),
                row("select o from Order o where o.parent.id is not null", "restricts=true"),
                row("select o from Order o where 1 = 1 and o.id = :id", "restricts=true eq=o.id"),
                row("select o from Order o where true", "restricts=false"),
                row("select o from Order o where o.a = :a or o.b = :b", "restricts=true eq=- patterns=false"),
                row("select o from Order o where o.a like :a or o.b < :b", "patterns=true ranges=true"),
                row("select o from Order o, Customer c where o.customer = c", "restricts=false"),
                row("select o from Order o, Customer c where o.customer = c and c.vip = true",
                        "restricts=true eq=c.vip"),
                row("select o from Order o join o.lines l with l.qty > 1", "restricts=false"),
                row("select o from Order o join o.lines l on l.sku = :sku", "restricts=true eq=l.sku"),
                row("select o from Order o left join o.lines l on l.sku = :sku", "restricts=false"),
                row("select o from Order o where o.id in :ids", "restricts=true eq=o.id"),
                row("select o from Order o where o.deleted is null", "restricts=true"),
                row("select o from Order o where exists (select l from Line l where l.order = o)",
                        "restricts=true #1 restricts=true eq=l.order"),
                row("select o, (select count(l) from Line l where l.order = o) from Order o",
                        "restricts=false #1 agg=true eq=l.order"),
                row("select o from Order o where o.total > (select avg(p.total) from Order p where p.region = o.region)",
                        "#1 eq=p.region"),
                // "... where r.sent = false" + restrictions(): a run-time fragment after a predicate is one more
                row("from Result r where r.sent = false ql_dynamic", "restricts=true runTime=false"),
                // "from Result r" + restrictions(): the whole filter comes at run time
                row("from Result r ql_dynamic", "restricts=false runTime=true"),
                row("select count(*) from Result r ql_dynamic", "restricts=false runTime=true agg=true"),
                row("from Result r where r.sent = false order by r.created ql_dynamic", "restricts=true limit=none"));
    }

    static Stream<Arguments> limits() {
        return Stream.of(
                row("select o from Order o", "limit=none"),
                row("select o from Order o order by o.id limit 10", "limit=10"),
                row("select o from Order o limit :n", "limit=param"),
                row("select o from Order o limit ?1 offset ?2", "limit=param"),
                row("select o from Order o offset 5 rows fetch first 20 rows only", "limit=20"),
                row("select o from Order o fetch first :n rows only", "limit=param"),
                row("select o from Order o fetch next 1 row only", "limit=1"),
                row("select o from Order o offset 10", "limit=none"),
                row("select o.id from Order o union select p.id from Payment p order by 1 limit 5",
                        "roles=SET_OPERAND,SET_OPERAND"));
    }

    static Stream<Arguments> aggregates() {
        return Stream.of(
                row("select count(o) from Order o", "agg=true grouped=false entity=false"),
                row("select count(o), max(o.total) from Order o where o.tenant = :t", "agg=true"),
                row("select o.status, count(o) from Order o group by o.status", "agg=false grouped=true"),
                row("select count(o) from Order o group by o.status", "agg=false grouped=true"),
                row("select distinct o.status from Order o", "distinct=true agg=false"),
                row("select count(distinct o.status) from Order o", "agg=true distinct=false"),
                row("select sum(o.total) from Order o", "agg=true"),
                row("select coalesce(sum(o.total), 0) from Order o", "agg=true"),
                row("select o.id, count(o) over () from Order o", "agg=false"));
    }

    static Stream<Arguments> statements() {
        return Stream.of(
                row("update Order o set o.status = :s where o.id = :id", "kind=UPDATE writeWhere=true target=Order"),
                row("update Order o set o.status = :s", "kind=UPDATE writeWhere=false"),
                row("delete from Order o where o.created < :d", "kind=DELETE writeWhere=true target=Order"),
                row("delete from Order", "kind=DELETE writeWhere=false target=Order"),
                row("delete from Order o where o.id in (select l.order.id from Line l)",
                        "kind=DELETE roles=SUBQUERY"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource({"blocksAndRoles", "joins", "filters", "limits", "aggregates", "statements"})
    void shapeOfJpql(String jpql, String facts) {
        ShapeFacts.check(jpql, shape(jpql), facts);
    }
}
