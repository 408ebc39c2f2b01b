package lib.micronaut;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MemberRepository extends PageableRepository<Member, Long> {

    /** Micronaut's order with no criteria: every member, by name. */
    List<Member> listOrderByName();

    /** The same, written find...All. */
    List<Member> findAllOrderByJoinedDesc();

    /** A page of them: bounded. */
    List<Member> listOrderByName(Pageable pageable);

    /** Anything between find and By is a subject: a filter on orderNumber, not an order. */
    List<Member> findOrderByOrderNumber(String orderNumber);
}
