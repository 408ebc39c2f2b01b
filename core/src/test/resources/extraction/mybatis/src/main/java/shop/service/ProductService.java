package shop.service;

import com.github.pagehelper.PageHelper;
import java.util.List;
import shop.mapper.Product;
import shop.mapper.ProductMapper;
import shop.mapper.ProductQuery;

public class ProductService {

    private final ProductMapper productMapper;

    public ProductService(ProductMapper productMapper) {
        this.productMapper = productMapper;
    }

    public List<Product> page(int page, int size, ProductQuery query) {
        PageHelper.startPage(page, size);
        query.normalise();
        return productMapper.search(query);
    }

    public List<Product> everything() {
        productMapper.countActive();
        return productMapper.findAll();
    }
}
