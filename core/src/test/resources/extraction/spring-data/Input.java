package shop.users;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface UserRepository extends JpaRepository<User, Long>, JpaSpecificationExecutor<User> {

    @Query("select u from User u where u.active = true")
    List<User> findActive();

    @Query(value = "SELECT * FROM users WHERE created_at > now() - interval '1 day'", nativeQuery = true)
    List<User> createdToday();

    @Query(value = "select u from User u where u.team.id = :team",
            countQuery = "select count(u) from User u where u.team.id = :team")
    Page<User> byTeam(Long team, Pageable pageable);

    @Query(value = """
            SELECT u.*
            FROM users u
            WHERE u.country = :country
            """, nativeQuery = true)
    Stream<User> streamByCountry(String country);

    @Modifying
    @Query("update User u set u.active = false where u.lastLogin < :cutoff")
    int deactivateIdle(java.time.Instant cutoff);

    @Query(name = "User.byEmailDomain")
    List<User> byDomain(String domain);

    Optional<User> findByEmail(String email);

    List<User> findTop5ByOrderByCreatedAtDesc();

    Slice<User> findByLastNameStartingWith(String prefix, Pageable pageable);

    long countByActiveTrue();

    List<User> findByTeamName(String team);

    List<User> findByEmailIgnoreCaseAndActiveTrue(String email);

    List<User> findByFirstNameAndLastNameAllIgnoreCase(String first, String last);

    @Override
    List<User> findAll();
}
