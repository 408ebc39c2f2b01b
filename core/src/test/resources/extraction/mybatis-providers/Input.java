package shop.users;

import java.util.List;
import java.util.Map;
import org.apache.ibatis.annotations.DeleteProvider;
import org.apache.ibatis.annotations.InsertProvider;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.SelectProvider;
import org.apache.ibatis.annotations.UpdateProvider;
import shop.vendor.VendorSql;

@Mapper
public interface Input {

    @SelectProvider(type = UserSql.class, method = "byRole")
    List<User> byRole(String role);

    @SelectProvider(type = UserSql.class, method = "search")
    List<User> search(String name, String email);

    @SelectProvider(type = UserSql.class, method = "everyone")
    List<User> everyone();

    @SelectProvider(type = UserSql.class, method = "recent")
    List<User> recent(int limit);

    @SelectProvider(type = UserSql.class, method = "ofTeam")
    List<Map<String, Object>> ofTeam(long team);

    // no method: MyBatis calls the provider method of the mapper method's name (ProviderMethodResolver)
    @SelectProvider(UserSql.class)
    User byEmail(String email);

    @SelectProvider(type = UserSql.class, method = "chooser")
    List<User> chooser(boolean active);

    @SelectProvider(type = VendorSql.class, method = "all")
    List<User> vendors();

    @UpdateProvider(type = UserSql.class, method = "rename")
    int rename(long id, String name);

    @InsertProvider(type = UserSql.class, method = "add")
    int add(User user);

    @DeleteProvider(type = UserSql.class, method = "purge")
    int purge();
}
