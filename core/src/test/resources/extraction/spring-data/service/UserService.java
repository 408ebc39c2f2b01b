package shop.service;

import java.util.List;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import shop.mongo.ProfileRepository;
import shop.repo.EventRepository;
import shop.repo.InvoiceRepository;
import shop.users.User;
import shop.users.UserRepository;

public class UserService {

    private final UserRepository userRepository;
    private final InvoiceRepository invoices;
    private final EventRepository events;
    private final ProfileRepository profiles;

    public UserService(UserRepository userRepository, InvoiceRepository invoices, EventRepository events,
                       ProfileRepository profiles) {
        this.userRepository = userRepository;
        this.invoices = invoices;
        this.events = events;
        this.profiles = profiles;
    }

    public List<User> everyone() {
        return userRepository.findAll();
    }

    public Iterable<User> sorted() {
        return userRepository.findAll(Sort.by("name"));
    }

    public Page<User> page(Pageable pageable) {
        return userRepository.findAll(pageable);
    }

    public Page<User> firstPage() {
        return userRepository.findAll(PageRequest.of(0, 20));
    }

    public List<User> matching(Specification<User> spec) {
        return userRepository.findAll(spec);
    }

    public List<User> some(Set<Long> ids) {
        return userRepository.findAllById(ids);
    }

    public User one(long id) {
        return userRepository.findById(id).orElseThrow();
    }

    public long total() {
        return this.userRepository.count();
    }

    public Object invoicesAll() {
        return invoices.findAll();
    }

    public Object eventsAll() {
        return events.findAll();
    }

    public Object profilesAll() {
        return profiles.findAll();
    }

    public void save(User user) {
        userRepository.save(user);
    }
}
