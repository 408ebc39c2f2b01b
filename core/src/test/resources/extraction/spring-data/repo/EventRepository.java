package shop.repo;

import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface EventRepository extends ReactiveCrudRepository<Event, String> {

    @Query("SELECT * FROM events WHERE kind = :kind")
    Flux<Event> byKind(String kind);

    Mono<Event> findFirstByKindOrderByAtDesc(String kind);
}
