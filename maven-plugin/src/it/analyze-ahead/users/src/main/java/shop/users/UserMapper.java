package shop.users;

import java.util.List;
import java.util.Map;

public interface UserMapper {

    List<Map<String, Object>> findAll();

    Map<String, Object> findById(long id);
}
