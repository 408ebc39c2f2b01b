package shop.reports;

import java.util.List;
import shop.support.AbstractSortedDao;

/** Calls of the middle layer's helpers: each is a query of this file. */
class ShelfReportDao extends AbstractSortedDao<String> {

    List<String> shelves(Object context) {
        return findSorted(context, "SELECT s.code FROM Shelf s", "s.code");
    }

    List<?> firstShelves(Object context) {
        return firstPage(context, "SELECT s.code FROM Shelf s WHERE s.aisle = 'A'");
    }
}
