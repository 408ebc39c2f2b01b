package shop.order;

import static shop.order.QMember.member;
import static shop.order.QOrder.order;

import com.querydsl.core.BooleanBuilder;
import com.querydsl.core.types.Projections;
import com.querydsl.core.types.dsl.BooleanExpression;
import com.querydsl.jpa.impl.JPAQuery;
import com.querydsl.jpa.impl.JPAQueryFactory;
import java.util.List;
import org.springframework.data.domain.Pageable;

/** Querydsl JPA: each chain is the JPQL it runs. */
class OrderRepositoryImpl {

    private final JPAQueryFactory queryFactory;

    OrderRepositoryImpl(JPAQueryFactory queryFactory) {
        this.queryFactory = queryFactory;
    }

    List<Order> all() {
        return queryFactory.selectFrom(order).fetch();
    }

    List<Order> byStatus(String status) {
        return queryFactory.selectFrom(order)
                .where(order.status.eq(status))
                .orderBy(order.id.desc())
                .fetch();
    }

    List<Order> page(String status, Pageable pageable) {
        return queryFactory.selectFrom(order)
                .where(order.status.eq(status))
                .offset(pageable.getOffset())
                .limit(pageable.getPageSize())
                .fetch();
    }

    Order one(Long id) {
        return queryFactory.selectFrom(order).where(order.id.eq(id)).fetchOne();
    }

    Long count(String status) {
        return queryFactory.select(order.count()).from(order).where(order.status.eq(status)).fetchOne();
    }

    List<OrderRow> withMembers(String city) {
        return queryFactory.select(Projections.constructor(OrderRow.class, order.id, member.name))
                .from(order)
                .join(order.member, member).fetchJoin()
                .where(member.city.eq(city), order.total.goe(100))
                .fetch();
    }

    List<Order> search(String status, String city) {
        return queryFactory.selectFrom(order)
                .where(statusEq(status), cityEq(city))
                .fetch();
    }

    List<Order> built(String status) {
        BooleanBuilder builder = new BooleanBuilder();
        if (status != null) {
            builder.and(order.status.eq(status));
        }
        JPAQuery<Order> query = queryFactory.selectFrom(order).where(builder);
        return query.fetch();
    }

    // one query, run once at fetch(): the streams over its list are no second query
    long open() {
        List<Order> rows = queryFactory.selectFrom(order).where(order.status.eq("OPEN")).fetch();
        return rows.stream().count() + queryFactory.selectFrom(order).fetch().stream().count();
    }

    // handed to a helper that may filter or page it: left alone
    List<Order> filtered(String status) {
        JPAQuery<Order> query = queryFactory.selectFrom(order);
        query = applyFilters(query, status);
        return query.fetch();
    }

    private JPAQuery<Order> applyFilters(JPAQuery<Order> query, String status) {
        return status == null ? query : query.where(order.status.eq(status)).limit(20);
    }

    private BooleanExpression statusEq(String status) {
        return status == null ? null : order.status.eq(status);
    }

    private BooleanExpression cityEq(String city) {
        return city == null ? null : order.member.city.eq(city);
    }
}

record OrderRow(Long id, String name) {
}

/** Spring Data's QuerydslRepositorySupport: from(..) starts the query. */
class OrderSupportRepository extends org.springframework.data.jpa.repository.support.QuerydslRepositorySupport {

    private final QOrder o = QOrder.order;

    OrderSupportRepository() {
        super(Order.class);
    }

    List<Order> ofSubquery() {
        return from(o).where(o.id.in(com.querydsl.jpa.JPAExpressions.select(o.id).from(o))).fetch();
    }

    List<Order> liveOf(String status) {
        BooleanBuilder where = new BooleanBuilder();
        where.and(o.deleted.isFalse());
        if (status != null) {
            where.and(o.status.eq(status));
        }
        return from(o).where(where).fetch();
    }
}
