package shop.reports;

import java.util.List;
import java.util.Map;
import shop.support.BaseDao;
import shop.support.PageFetcher;

class SalesDao extends BaseDao {

    private static final String COLUMNS = "s.id, s.amount";

    private final PageFetcher pageFetcher;
    private final Other other;

    SalesDao(PageFetcher pageFetcher, Other other) {
        this.pageFetcher = pageFetcher;
        this.other = other;
    }

    List<Map<String, Object>> all() {
        return rows("SELECT " + COLUMNS + " FROM sales s");
    }

    List<Map<String, Object>> byRegion(String region) {
        return this.rows("SELECT " + COLUMNS + " FROM sales s WHERE s.region = ?", region);
    }

    PageFetcher.Page page(int offset) {
        return pageFetcher.fetchPage(null, "SELECT count(*) FROM sales",
                "SELECT " + COLUMNS + " FROM sales s ORDER BY s.id LIMIT 20 OFFSET ?", new Object[] {offset});
    }

    List<Map<String, Object>> latest() {
        return firstRows("SELECT " + COLUMNS + " FROM sales s ORDER BY s.id DESC", 10);
    }

    int purge() {
        return change("DELETE FROM sales WHERE amount = 0");
    }

    void notOurs() {
        other.rows("SELECT * FROM elsewhere");
    }

    interface Other {
        void rows(String text);
    }
}
