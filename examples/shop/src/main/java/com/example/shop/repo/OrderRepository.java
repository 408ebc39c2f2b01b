package com.example.shop.repo;

import com.example.shop.domain.Order;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.CrudRepository;

public interface OrderRepository extends CrudRepository<Order, Long> {

    // paged, but no index leads with status: each page still scans 24M orders
    //~ L1 expect unindexed-filter
    Slice<Order> findByStatusOrderByCreatedAtDesc(String status, Pageable pageable);

    //~ L1 expect none
    List<Order> findTop20ByUserIdOrderByCreatedAtDesc(long userId);

    // production sizes make this an error: ~8M rows of orders into one List
    //~ L1 expect missing-pagination unindexed-filter
    List<Order> findByCreatedAtBetween(Instant from, Instant to);
}
