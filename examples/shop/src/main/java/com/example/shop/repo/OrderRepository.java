package com.example.shop.repo;

import com.example.shop.domain.Order;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.CrudRepository;

public interface OrderRepository extends CrudRepository<Order, Long> {

    //~ L1 expect none
    Slice<Order> findByStatusOrderByCreatedAtDesc(String status, Pageable pageable);

    //~ L1 expect none
    List<Order> findTop20ByUserIdOrderByCreatedAtDesc(long userId);

    //~ L1 expect missing-pagination
    List<Order> findByCreatedAtBetween(Instant from, Instant to);
}
