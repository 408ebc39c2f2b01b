package shop.jooq;

import java.util.List;
import shop.db.tables.daos.BookDao;
import shop.db.tables.daos.OrderItemDao;

/** jOOQ's generated DAOs, used without a DSLContext. */
class BookService {

    private final BookDao bookDao;
    private final OrderItemDao orderItemDao;

    BookService(BookDao bookDao, OrderItemDao orderItemDao) {
        this.bookDao = bookDao;
        this.orderItemDao = orderItemDao;
    }

    List<Book> everything() {
        return bookDao.findAll();
    }

    List<Book> byAuthor(long author) {
        return bookDao.fetchByAuthorId(author);
    }

    List<Book> some(Long... ids) {
        return bookDao.fetchById(ids);
    }

    Book one(long id) {
        return bookDao.findById(id);
    }

    Book byIsbn(String isbn) {
        return bookDao.fetchOneByIsbn(isbn);
    }

    List<OrderItem> recent(java.time.LocalDateTime from, java.time.LocalDateTime to) {
        return orderItemDao.fetchRangeOfCreatedAt(from, to);
    }

    void save(Book book) {
        bookDao.insert(book);
    }
}
