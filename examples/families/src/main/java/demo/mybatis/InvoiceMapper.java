package demo.mybatis;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface InvoiceMapper {

    //~ L2 expect none
    @Select("SELECT id, total FROM invoices WHERE id = #{id}")
    Map<String, Object> byId(@Param("id") long id);

    //~ L2 expect missing-pagination
    @Select("SELECT id, total FROM invoices WHERE customer_id = #{customerId}")
    List<Map<String, Object>> byCustomer(@Param("customerId") long customerId);

    List<Map<String, Object>> search(@Param("status") String status);

    List<Map<String, Object>> unpaid(@Param("customerId") long customerId);
}
