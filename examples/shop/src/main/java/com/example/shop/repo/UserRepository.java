package com.example.shop.repo;

import com.example.shop.domain.User;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserRepository extends JpaRepository<User, Long> {

    /**
     * Backs GET /products/{id}/buyers. This is the query of the May 2023 outage: every column of
     * every buyer, through six joins, with no pagination. On the test database it returned a few
     * rows; in production it returned millions. With querylint-sizes.yml the review sees that too:
     * missing-pagination is an error with the row estimate in its message.
     */
    //~ L11 expect missing-pagination excessive-joins select-star
    @Query(value = """
            SELECT u.*
            FROM users u
            JOIN orders o ON o.user_id = u.id
            JOIN order_lines l ON l.order_id = o.id
            JOIN products p ON p.id = l.product_id
            JOIN categories c ON c.id = p.category_id
            JOIN suppliers s ON s.id = p.supplier_id
            JOIN addresses a ON a.user_id = u.id
            WHERE p.id = :productId
            """, nativeQuery = true)
    List<User> findBuyersOf(@Param("productId") long productId);

    /** The fix: the columns the page shows, three joins, one page at a time. */
    //~ L6 expect none
    @Query("""
            select distinct u from User u
            join Order o on o.user = u
            join o.lines l
            where l.product.id = :productId""")
    Page<User> findBuyersOfPaged(@Param("productId") long productId, Pageable pageable);

    //~ L1 expect none
    Optional<User> findByEmail(String email);

    //~ L1 expect missing-pagination unindexed-filter
    List<User> findByCountry(String country);

    //~ L2 expect unbounded-result
    @Query("select u from User u order by u.name")
    List<User> findAllForExport();

    //~ L1 expect unindexed-filter
    long countByCountry(String country);
}
