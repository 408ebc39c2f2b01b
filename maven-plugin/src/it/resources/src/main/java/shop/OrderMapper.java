package shop;

import java.util.List;

/** The mapper interface; its statements live in OrderMapper.xml. */
public interface OrderMapper {

    List<Object> findAll();

    Object findById(long id);
}
