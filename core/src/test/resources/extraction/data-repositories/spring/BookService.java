package lib.spring;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** Calls of a findAll() the repository declares again, and of the overloads it does not. */
public class BookService {

    private final BookRepository books;

    public BookService(BookRepository books) {
        this.books = books;
    }

    /** Runs the repository's own findAll(), judged at its declaration: no second unit here. */
    public List<Book> catalogue() {
        return books.findAll();
    }

    /** Another overload, inherited: judged here. */
    public List<Book> byTitle() {
        return books.findAll(Sort.by("title"));
    }

    /** Paged, inherited: judged here. */
    public Page<Book> firstPage() {
        return books.findAll(PageRequest.of(0, 20));
    }
}
