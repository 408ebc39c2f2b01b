package com.example.shop.catalog;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface ProductMapper {

    //~ L2 expect none
    @Select("SELECT id, name, price FROM products WHERE id = #{id}")
    Map<String, Object> findById(@Param("id") long id);

    //~ L2 expect select-star missing-pagination
    @Select("SELECT * FROM products WHERE category_id = #{categoryId}")
    List<Map<String, Object>> findByCategory(@Param("categoryId") long categoryId);

    List<Map<String, Object>> search(@Param("name") String name, @Param("maxPrice") Integer maxPrice);
}
