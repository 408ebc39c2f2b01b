package shop.users;

/** The mapper interface; its statements live in UserMapper.xml. */
public interface UserMapper {

    Object findById(long id);
}
