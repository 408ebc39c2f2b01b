package shop.mapper;

import java.util.List;
import java.util.Optional;
import org.apache.ibatis.cursor.Cursor;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;

public interface ProductMapper {

    List<Product> findAll();

    Product findById(long id);

    Optional<Product> findBySku(String sku);

    List<Product> search(ProductQuery query);

    List<Product> searchPage(ProductQuery query, RowBounds bounds);

    Cursor<Product> scanCategory(String category);

    void exportAll(ResultHandler<Product> handler);

    List<Product> byIds(List<Long> ids);

    List<Product> byStatus(String status);

    List<Product> byWrapper(Object ew);

    List<Product> byKind(String kind);

    List<Product> byNameOrCode(String name, String code);

    int updatePrices(List<Product> products);

    long countActive();
}
